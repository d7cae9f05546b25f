import fs from "node:fs";
import type { Db } from "@/db/client";
import { loadLogList } from "@/lib/ct/client";
import { recordLogListFailure, syncLogList } from "@/server/services/ct/sync-log-list";
import type { Logger } from "../log";

export interface LogListSource {
  source: string;
  /** PEM text, or a path to a PEM file. */
  key?: string | null;
}

function keyPem(key: string | null | undefined): string | null {
  if (!key) return null;
  return key.includes("-----BEGIN") ? key : fs.readFileSync(key, "utf8");
}

/** Reloads the log list; a failure (the network may be closed) is recorded and shown, never thrown. */
export function ctLoadLogList(deps: { db: Db; log: Logger; list: LogListSource }) {
  return async () => {
    try {
      const loaded = await loadLogList({ source: deps.list.source, publicKeyPem: keyPem(deps.list.key) });
      const r = syncLogList(deps.db, loaded);
      deps.log.info(
        { source: deps.list.source, logs: loaded.list.logs.length, tailed: r.tailed },
        "CT log list loaded",
      );
      return { logs: loaded.list.logs.length, tailed: r.tailed };
    } catch (err) {
      const message = (err as Error).message;
      recordLogListFailure(deps.db, deps.list.source, message);
      deps.log.warn({ source: deps.list.source, err: message }, "CT log list could not be loaded");
      return { error: message };
    }
  };
}
