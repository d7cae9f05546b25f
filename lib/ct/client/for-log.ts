import { CertwatchError } from "@/lib/errors";
import type { CtLog } from "../log-list";
import { createRfc6962Client } from "./rfc6962-client";
import { createStaticClient, originOf } from "./static-client";
import type { HttpTuning, LogClient } from "./types";

/** The client for a log-list entry: every log type has exactly one constructor here. */
export function createClientForLog(log: CtLog, tuning: HttpTuning & { batchSize?: number } = {}): LogClient {
  const makers: Record<CtLog["kind"], () => LogClient | null> = {
    rfc6962: () => (log.url ? createRfc6962Client({ ...tuning, url: log.url, publicKey: log.key }) : null),
    static: () =>
      log.monitoringUrl
        ? createStaticClient({
            ...tuning,
            monitoringUrl: log.monitoringUrl,
            publicKey: log.key,
            origin: log.submissionUrl ? originOf(log.submissionUrl) : undefined,
          })
        : null,
  };
  const client = makers[log.kind]();
  if (!client) throw new CertwatchError("CT_LOG_LIST_INVALID", `Log "${log.description}" has no URL to read`);
  return client;
}
