import { and, eq, ne } from "drizzle-orm";
import { type EndpointRow, endpoints } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { ConflictError, NotFoundError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import { limitsOf, type ServiceContext } from "../context";
import { changedFields } from "./audited-fields";
import { describeEndpoint } from "./create-endpoint";
import { parseEndpointInput, targetKey } from "./endpoint-input";
import { trySyncSchedule } from "./sync-schedule";
import { targetPolicyOf } from "./target-policy";

export async function updateEndpoint({
  ctx,
  actor,
  id,
  input,
}: {
  ctx: ServiceContext;
  actor: Actor;
  id: number;
  input: unknown;
}): Promise<EndpointRow> {
  authorize(actor, "endpoint.update");
  const current = ctx.db.select().from(endpoints).where(eq(endpoints.id, id)).get();
  if (!current) throw new NotFoundError(`Endpoint #${id}`);
  const merged = { ...current, ...(input as object) };
  const data = parseEndpointInput(merged, { ...limitsOf(ctx), addressPolicy: targetPolicyOf(ctx) });
  const key = targetKey(data);
  const clash = ctx.db
    .select()
    .from(endpoints)
    .where(and(eq(endpoints.targetKey, key), ne(endpoints.id, id)))
    .get();
  if (clash)
    throw new ConflictError(`${describeEndpoint(clash)} is already monitored (endpoint #${clash.id}).`);
  const now = ctx.now?.() ?? new Date();
  const row = ctx.db.transaction((tx) => {
    const r = tx
      .update(endpoints)
      .set({ ...data, targetKey: key, updatedAt: now.toISOString() })
      .where(eq(endpoints.id, id))
      .returning()
      .get();
    const details = changedFields(current, r);
    recordAudit(tx, actor, { action: "endpoint.update", targetType: "endpoint", targetId: id, details }, now);
    return r;
  });
  await trySyncSchedule(ctx, id, row);
  return row;
}
