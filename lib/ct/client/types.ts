import type { CompactTree } from "../compact-tree";

/** A tree head whose signature was checked with the log's key. */
export interface VerifiedHead {
  treeSize: number;
  rootHash: Buffer;
  /** Log timestamp (ms). */
  timestamp: number;
}

export interface Rfc6962Item {
  leafInput: Buffer;
  extraData: Buffer;
}

/** Raw entries `[start, start + count)` in log order, as the log served them (not yet verified). */
export type EntryBatch =
  | { kind: "tile"; start: number; count: number; bytes: Buffer }
  | { kind: "rfc6962"; start: number; count: number; entries: Rfc6962Item[] };

/** One contract for both log types: the tailer never knows which protocol it reads. */
export interface LogClient {
  readonly kind: "rfc6962" | "static";
  /** Fetches and verifies the signed tree head (STH or checkpoint); throws CT_BAD_SIGNATURE. */
  getHead(signal?: AbortSignal): Promise<VerifiedHead>;
  /** Entries in `[start, end)`, in order, in as many batches as the log needs. */
  getEntries(start: number, end: number, signal?: AbortSignal): AsyncIterable<EntryBatch>;
  /**
   * The collapsed tree of the first `size` entries, from proofs or hash tiles of the tree at `head`.
   * Unverified on its own: the tailer's next root comparison covers it.
   */
  compactTreeAt(size: number, head: VerifiedHead, signal?: AbortSignal): Promise<CompactTree>;
  /**
   * RFC 9162 consistency proof from `first` to `head` (get-sth-consistency, or built from hash tiles):
   * lets the tailer verify a bounded pass that stops before the signed size.
   */
  consistencyProof(first: number, head: VerifiedHead, signal?: AbortSignal): Promise<Buffer[]>;
  /** static-ct-api only: an issuer certificate by the lowercase hex SHA-256 of its DER. */
  getIssuer?(sha256Hex: string, signal?: AbortSignal): Promise<Buffer>;
}

export interface HttpTuning {
  /** Per request, including the body. Default 60 s (certspotter). */
  timeoutMs?: number;
  /** Default 64 MiB. */
  maxBytes?: number;
  /** Retries after the first attempt on 429, 5xx and network errors. Default 6. */
  retries?: number;
  /** Backoff base and cap (jittered exponential). Defaults 100 ms and 30 s. */
  minDelayMs?: number;
  maxDelayMs?: number;
}
