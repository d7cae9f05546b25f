import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";

/** A database handle or the transaction of the change being audited. */
export type DbOrTx = Pick<Db, "insert">;

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  /** Changed fields and their new values. Never secrets: callers pass names, not values, for those. */
  details?: Record<string, unknown> | null;
}

/** Call inside the change's transaction so the record and the change commit together or not at all. */
export function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry, now = new Date()): void {
  tx.insert(auditLog)
    .values({
      at: now.toISOString(),
      actorUserId: actor.userId,
      actorLabel: actor.kind === "token" ? `${actor.label} (token #${actor.tokenId})` : actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      details: entry.details ?? null,
    })
    .run();
}
