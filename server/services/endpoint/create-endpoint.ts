import { eq } from "drizzle-orm";
import { type EndpointRow, endpoints } from "@/db/schema";
import { ConflictError } from "@/server/errors";
import { limitsOf, type ServiceContext } from "../context";
import { parseEndpointInput, targetKey } from "./endpoint-input";
import { trySyncSchedule } from "./sync-schedule";

export function describeEndpoint(e: Pick<EndpointRow, "host" | "port" | "ip" | "sni">): string {
  const via = e.ip ? ` via ${e.ip}` : "";
  const sni = e.sni ? ` (SNI ${e.sni})` : "";
  return `${e.host}:${e.port}${via}${sni}`;
}

export async function createEndpoint({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<EndpointRow> {
  const data = parseEndpointInput(input, limitsOf(ctx));
  const key = targetKey(data);
  const existing = ctx.db.select().from(endpoints).where(eq(endpoints.targetKey, key)).get();
  if (existing) {
    throw new ConflictError(
      `${describeEndpoint(existing)} is already monitored (endpoint #${existing.id}).`,
      "Edit the existing endpoint instead, or give this one a different IP or SNI.",
    );
  }
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const row = ctx.db
    .insert(endpoints)
    .values({ ...data, targetKey: key, createdAt: now, updatedAt: now })
    .returning()
    .get();
  await trySyncSchedule(ctx, row.id, row);
  return row;
}
