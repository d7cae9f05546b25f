import { eq, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ctLogListStatus, ctLogs } from "@/db/schema";
import type { CtLog, LogList } from "@/lib/ct";

export interface LoadedList {
  source: string;
  list: LogList;
  tailed: CtLog[];
  signatureVerified: boolean;
}

function urlOf(log: CtLog): string | null {
  return log.kind === "rfc6962" ? log.url : log.monitoringUrl;
}

/** Upserts every log with a URL; logs no longer selected keep their state but stop being tailed. */
export function syncLogList(db: Db, loaded: LoadedList, now = new Date()): { tailed: number } {
  const at = now.toISOString();
  const tailedIds = new Set(loaded.tailed.map((l) => l.logId));
  return db.transaction(
    (tx) => {
      for (const log of loaded.list.logs) {
        const url = urlOf(log);
        if (!url) continue;
        const values = {
          kind: log.kind,
          description: log.description,
          operator: log.operator,
          url,
          submissionUrl: log.submissionUrl,
          publicKey: log.key,
          mmd: log.mmd,
          listState: log.state,
          tailed: tailedIds.has(log.logId),
          updatedAt: at,
        };
        tx.insert(ctLogs)
          .values({ logId: log.logId, ...values, createdAt: at })
          .onConflictDoUpdate({ target: ctLogs.logId, set: values })
          .run();
      }
      const listed = loaded.list.logs.map((l) => l.logId);
      if (listed.length)
        tx.update(ctLogs).set({ tailed: false }).where(notInArray(ctLogs.logId, listed)).run();
      const status = {
        source: loaded.source,
        version: loaded.list.version,
        listTimestamp: loaded.list.timestamp?.toISOString() ?? null,
        logCount: loaded.list.logs.length,
        tailedCount: tailedIds.size,
        signatureVerified: loaded.signatureVerified,
        lastAttemptAt: at,
        lastSuccessAt: at,
        lastError: null,
      };
      tx.insert(ctLogListStatus)
        .values({ id: 1, ...status })
        .onConflictDoUpdate({ target: ctLogListStatus.id, set: status })
        .run();
      return { tailed: tailedIds.size };
    },
    { behavior: "immediate" },
  );
}

export function recordLogListFailure(db: Db, source: string, error: string, now = new Date()): void {
  const at = now.toISOString();
  const existing = db.select().from(ctLogListStatus).where(eq(ctLogListStatus.id, 1)).get();
  if (existing) {
    db.update(ctLogListStatus)
      .set({ source, lastAttemptAt: at, lastError: error })
      .where(eq(ctLogListStatus.id, 1))
      .run();
  } else {
    db.insert(ctLogListStatus).values({ id: 1, source, lastAttemptAt: at, lastError: error }).run();
  }
}
