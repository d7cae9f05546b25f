import type { EndpointRow } from "@/db/schema";
import { syncEndpointSchedule } from "@/server/queue/reconcile-schedules";
import type { ServiceContext } from "../context";

/**
 * Best effort: SQLite is the source of truth and the worker reconciles every schedule at boot and
 * periodically, so a Redis hiccup here delays the first scan but never loses the endpoint.
 */
export async function trySyncSchedule(
  ctx: ServiceContext,
  id: number,
  row: EndpointRow | null,
): Promise<boolean> {
  if (!ctx.probeQueue) return false;
  try {
    await syncEndpointSchedule(ctx.probeQueue(), id, row);
    return true;
  } catch {
    return false;
  }
}
