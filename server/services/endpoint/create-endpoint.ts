import { eq } from "drizzle-orm";
import { type EndpointRow, endpoints } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { ConflictError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import { limitsOf, type ServiceContext } from "../context";
import { auditedFields } from "./audited-fields";
import { parseEndpointInput, targetKey } from "./endpoint-input";
import { trySyncSchedule } from "./sync-schedule";
import { targetPolicyOf } from "./target-policy";

export function describeEndpoint(e: Pick<EndpointRow, "host" | "port" | "ip" | "sni">): string {
  const via = e.ip ? ` via ${e.ip}` : "";
  const sni = e.sni ? ` (SNI ${e.sni})` : "";
  return `${e.host}:${e.port}${via}${sni}`;
}

export async function createEndpoint({
  ctx,
  actor,
  input,
}: {
  ctx: ServiceContext;
  actor: Actor;
  input: unknown;
}): Promise<EndpointRow> {
  authorize(actor, "endpoint.create");
  const data = parseEndpointInput(input, { ...limitsOf(ctx), addressPolicy: targetPolicyOf(ctx) });
  const key = targetKey(data);
  const existing = ctx.db.select().from(endpoints).where(eq(endpoints.targetKey, key)).get();
  if (existing) {
    throw new ConflictError(
      `${describeEndpoint(existing)} is already monitored (endpoint #${existing.id}).`,
      "Edit the existing endpoint instead, or give this one a different IP or SNI.",
    );
  }
  const now = ctx.now?.() ?? new Date();
  const row = ctx.db.transaction((tx) => {
    const at = now.toISOString();
    const r = tx
      .insert(endpoints)
      .values({ ...data, targetKey: key, createdAt: at, updatedAt: at })
      .returning()
      .get();
    const details = auditedFields(r);
    recordAudit(
      tx,
      actor,
      { action: "endpoint.create", targetType: "endpoint", targetId: r.id, details },
      now,
    );
    return r;
  });
  await trySyncSchedule(ctx, row.id, row);
  return row;
}
