import { eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import type { ServiceContext } from "../context";
import { trySyncSchedule } from "./sync-schedule";

export async function deleteEndpoint({ ctx, id }: { ctx: ServiceContext; id: number }): Promise<void> {
  const gone = ctx.db.delete(endpoints).where(eq(endpoints.id, id)).returning({ id: endpoints.id }).get();
  if (!gone) throw new NotFoundError(`Endpoint #${id}`);
  await trySyncSchedule(ctx, id, null);
}
