import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ctLogs } from "@/db/schema";
import { isMisbehaviour } from "@/lib/ct/client";
import type { TailState } from "@/lib/ct/tail";
import { isCertwatchError } from "@/lib/errors";

/** Saves a verified position: the tailer calls this after the pass's sightings are stored. */
export function saveTailState(db: Db, logId: string, state: TailState, now = new Date()): void {
  const at = now.toISOString();
  db.update(ctLogs)
    .set({
      tailState: state,
      position: state.position,
      seenTreeSize: sql`MAX(COALESCE(${ctLogs.seenTreeSize}, 0), ${state.verifiedHead?.treeSize ?? state.position})`,
      lastHeadAt: state.verifiedHead ? new Date(state.verifiedHead.timestamp).toISOString() : null,
      lastSuccessAt: at,
      lastAttemptAt: at,
      consecutiveErrors: 0,
      misbehavingAt: null,
      updatedAt: at,
    })
    // Never move back: a slower pass that started earlier must not undo a later one.
    .where(and(eq(ctLogs.logId, logId), or(isNull(ctLogs.position), lte(ctLogs.position, state.position))))
    .run();
}

/** Records the largest signed size seen, so health shows the backlog even while a pass runs. */
export function recordSeenSize(db: Db, logId: string, treeSize: number): void {
  db.update(ctLogs)
    .set({ seenTreeSize: sql`MAX(COALESCE(${ctLogs.seenTreeSize}, 0), ${treeSize})` })
    .where(eq(ctLogs.logId, logId))
    .run();
}

/** A failed run: the state is untouched (rewound); data that does not verify marks the log misbehaving. */
export function recordLogError(
  db: Db,
  logId: string,
  err: unknown,
  now = new Date(),
): { misbehaving: boolean; misbehavingSince: string | null } {
  const at = now.toISOString();
  const misbehaving = isMisbehaviour(err);
  db.update(ctLogs)
    .set({
      lastAttemptAt: at,
      lastErrorAt: at,
      lastErrorCode: isCertwatchError(err) ? err.code : "CT_INTERNAL",
      lastError: String((err as Error)?.message ?? err).slice(0, 1000),
      consecutiveErrors: sql`${ctLogs.consecutiveErrors} + 1`,
      // The episode starts at the first refusal, so repeated refusals alert once.
      ...(misbehaving ? { misbehavingAt: sql`COALESCE(${ctLogs.misbehavingAt}, ${at})` } : {}),
      updatedAt: at,
    })
    .where(eq(ctLogs.logId, logId))
    .run();
  if (!misbehaving) return { misbehaving, misbehavingSince: null };
  const row = db.select({ since: ctLogs.misbehavingAt }).from(ctLogs).where(eq(ctLogs.logId, logId)).get();
  return { misbehaving, misbehavingSince: row?.since ?? at };
}
