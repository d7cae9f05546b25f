import { type AuditFilter, listAudit as listAuditRows } from "@/db/queries/audit";
import type { AuditRow } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import type { ServiceContext } from "../context";

export function listAudit({
  ctx,
  actor,
  filter,
}: {
  ctx: Pick<ServiceContext, "db">;
  actor: Actor;
  filter: AuditFilter;
}): AuditRow[] {
  authorize(actor, "audit.read");
  return listAuditRows(ctx.db, { ...filter, limit: Math.min(Math.max(filter.limit, 1), 200) });
}
