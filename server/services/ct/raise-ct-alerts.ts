import type { CtSightingRow } from "@/db/schema";
import type { DbLike } from "../alert/db-like";

/**
 * THE single call site from CT to the alert layer, for newly unexpected sightings (one alert each).
 * The alert layer's `recordCtAlerts` (server/services/alert/) did not exist when this was written, so
 * nothing is sent yet: wire it here (inside the caller's transaction) and return its delivery ids.
 */
export function raiseCtAlerts(_tx: DbLike, _sightings: readonly CtSightingRow[], _now: Date): number[] {
  return [];
}

/** Logs whose verified position is older than the configured lag (CT.md §8). */
export interface BehindLog {
  logId: string;
  description: string;
  backlog: number;
  lastSuccessAt: string | null;
}

/**
 * The call site for the watcher's own health alerts (and misbehaving logs, recorded on ct_logs): also
 * waiting for the alert layer's `recordCtAlerts`. Until then the worker logs these and /ct/logs shows them.
 */
export function raiseWatcherHealthAlerts(_tx: DbLike, _behind: readonly BehindLog[], _now: Date): number[] {
  return [];
}
