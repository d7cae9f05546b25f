import { eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";
import { auditedFields } from "./audited-fields";
import { trySyncSchedule } from "./sync-schedule";

export async function deleteEndpoint({
  ctx,
  actor,
  id,
}: {
  ctx: ServiceContext;
  actor: Actor;
  id: number;
}): Promise<void> {
  authorize(actor, "endpoint.delete");
  const now = ctx.now?.() ?? new Date();
  ctx.db.transaction((tx) => {
    const gone = tx.delete(endpoints).where(eq(endpoints.id, id)).returning().get();
    if (!gone) throw new NotFoundError(`Endpoint #${id}`);
    const details = auditedFields(gone);
    recordAudit(tx, actor, { action: "endpoint.delete", targetType: "endpoint", targetId: id, details }, now);
  });
  await trySyncSchedule(ctx, id, null);
}
