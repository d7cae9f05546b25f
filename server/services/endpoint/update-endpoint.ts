import { and, eq, ne } from "drizzle-orm";
import { type EndpointRow, endpoints } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/server/errors";
import { limitsOf, type ServiceContext } from "../context";
import { describeEndpoint } from "./create-endpoint";
import { parseEndpointInput, targetKey } from "./endpoint-input";
import { trySyncSchedule } from "./sync-schedule";

export async function updateEndpoint({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: number;
  input: unknown;
}): Promise<EndpointRow> {
  const current = ctx.db.select().from(endpoints).where(eq(endpoints.id, id)).get();
  if (!current) throw new NotFoundError(`Endpoint #${id}`);
  const merged = { ...current, ...(input as object) };
  const data = parseEndpointInput(merged, limitsOf(ctx));
  const key = targetKey(data);
  const clash = ctx.db
    .select()
    .from(endpoints)
    .where(and(eq(endpoints.targetKey, key), ne(endpoints.id, id)))
    .get();
  if (clash)
    throw new ConflictError(`${describeEndpoint(clash)} is already monitored (endpoint #${clash.id}).`);
  const row = ctx.db
    .update(endpoints)
    .set({ ...data, targetKey: key, updatedAt: (ctx.now?.() ?? new Date()).toISOString() })
    .where(eq(endpoints.id, id))
    .returning()
    .get();
  await trySyncSchedule(ctx, id, row);
  return row;
}
