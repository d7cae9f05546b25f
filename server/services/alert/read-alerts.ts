import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { AlertHistoryItem, DeliveryCell } from "@/db/queries/alerts";
import { alerts, channels, deliveries, endpoints } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";

export interface AlertFilter {
  endpointId?: number;
  event?: string;
  status?: "firing" | "resolved" | "info";
  /** Also thresholds overtaken by a more urgent one (recorded, never sent). */
  includePassed?: boolean;
  /** Keyset cursor: only alerts with a smaller id (newest first). */
  beforeId?: number;
  limit: number;
}

function deliveriesOf(db: Db, alertIds: number[]): Map<number, DeliveryCell[]> {
  const out = new Map<number, DeliveryCell[]>();
  if (alertIds.length === 0) return out;
  const cells = db
    .select({ d: deliveries, name: channels.name, kind: channels.kind })
    .from(deliveries)
    .innerJoin(channels, eq(channels.id, deliveries.channelId))
    .where(inArray(deliveries.alertId, alertIds))
    .orderBy(deliveries.id)
    .all();
  for (const { d, name, kind } of cells) {
    const cell: DeliveryCell = {
      channelId: d.channelId,
      channelName: name,
      kind,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      sentAt: d.sentAt,
    };
    out.set(d.alertId, [...(out.get(d.alertId) ?? []), cell]);
  }
  return out;
}

function selectAlerts(db: Db, where: SQL[], limit: number): AlertHistoryItem[] {
  const rows = db
    .select({ alert: alerts, host: endpoints.host, port: endpoints.port })
    .from(alerts)
    .leftJoin(endpoints, eq(endpoints.id, alerts.endpointId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(alerts.id))
    .limit(limit)
    .all();
  const cells = deliveriesOf(
    db,
    rows.map((r) => r.alert.id),
  );
  return rows.map((r) => ({
    alert: r.alert,
    endpoint:
      r.alert.endpointId !== null && r.host !== null
        ? { id: r.alert.endpointId, host: r.host, port: r.port ?? 443 }
        : null,
    deliveries: cells.get(r.alert.id) ?? [],
  }));
}

/** Alert history for the API: newest first, filtered as on /alerts, with each channel's delivery. */
export function listAlerts({
  ctx,
  actor,
  filter,
}: {
  ctx: { db: Db };
  actor: Actor;
  filter: AlertFilter;
}): AlertHistoryItem[] {
  authorize(actor, "alert.read");
  const where: SQL[] = [];
  if (filter.endpointId !== undefined) where.push(eq(alerts.endpointId, filter.endpointId));
  if (filter.event) where.push(eq(alerts.event, filter.event));
  if (filter.status) where.push(eq(alerts.status, filter.status));
  if (!filter.includePassed) where.push(eq(alerts.disposition, "send"));
  if (filter.beforeId !== undefined) where.push(lt(alerts.id, filter.beforeId));
  return selectAlerts(ctx.db, where, Math.min(Math.max(filter.limit, 1), 1_000));
}

export function readAlert({
  ctx,
  actor,
  id,
}: {
  ctx: { db: Db };
  actor: Actor;
  id: number;
}): AlertHistoryItem {
  authorize(actor, "alert.read");
  const item = selectAlerts(ctx.db, [eq(alerts.id, id)], 1)[0];
  if (!item) throw new NotFoundError(`Alert #${id}`);
  return item;
}
