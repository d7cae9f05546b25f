import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { type AuditRow, auditLog } from "../schema";

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  actorUserId?: number;
  /** Entries older than this id (keyset pagination, newest first). */
  beforeId?: number;
  limit: number;
}

export function listAudit(db: Db, f: AuditFilter): AuditRow[] {
  const where: SQL[] = [];
  if (f.targetType) where.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) where.push(eq(auditLog.targetId, f.targetId));
  if (f.actorUserId !== undefined) where.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.beforeId !== undefined) where.push(lt(auditLog.id, f.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(f.limit)
    .all();
}
