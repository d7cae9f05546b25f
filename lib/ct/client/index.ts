// HTTP clients for RFC 6962 and static-ct-api logs behind one LogClient contract.
export { asHeadError, CT_ERROR, isMisbehaviour, isTransient, rootMismatch } from "./errors";
export { createClientForLog } from "./for-log";
export { backoffMs, ctGet, retryAfterMs } from "./http";
export { type LoadedLogList, loadLogList, signatureSource } from "./load-log-list";
export { createRfc6962Client, type Rfc6962ClientOptions } from "./rfc6962-client";
export { createStaticClient, originOf, type StaticClientOptions } from "./static-client";
export { sliceDataTile, tileIndexPath, tilePath } from "./tile-path";
export type { EntryBatch, HttpTuning, LogClient, Rfc6962Item, VerifiedHead } from "./types";
