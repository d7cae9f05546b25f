import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { type AlertRow, alerts, channels, type DeliveryStatus, deliveries, endpoints } from "../schema";

export interface DeliveryCell {
  channelId: number;
  channelName: string;
  kind: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export interface AlertHistoryItem {
  alert: AlertRow;
  endpoint: { id: number; host: string; port: number } | null;
  deliveries: DeliveryCell[];
}

/** Alert history, newest first, with each channel's delivery status. Passed thresholds only on request. */
export function listAlertHistory(
  db: Db,
  opts: { endpointId?: number; limit?: number; includePassed?: boolean } = {},
): AlertHistoryItem[] {
  const where: SQL[] = [];
  if (opts.endpointId !== undefined) where.push(eq(alerts.endpointId, opts.endpointId));
  if (!opts.includePassed) where.push(eq(alerts.disposition, "send"));
  const rows = db
    .select({ alert: alerts, host: endpoints.host, port: endpoints.port })
    .from(alerts)
    .leftJoin(endpoints, eq(endpoints.id, alerts.endpointId))
    .where(and(...where))
    .orderBy(desc(alerts.id))
    .limit(Math.min(opts.limit ?? 200, 1_000))
    .all();
  const ids = rows.map((r) => r.alert.id);
  const cells = ids.length
    ? db
        .select({ d: deliveries, name: channels.name, kind: channels.kind })
        .from(deliveries)
        .innerJoin(channels, eq(channels.id, deliveries.channelId))
        .where(inArray(deliveries.alertId, ids))
        .all()
    : [];
  const byAlert = new Map<number, DeliveryCell[]>();
  for (const { d, name, kind } of cells) {
    const list = byAlert.get(d.alertId) ?? [];
    list.push({
      channelId: d.channelId,
      channelName: name,
      kind,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      sentAt: d.sentAt,
    });
    byAlert.set(d.alertId, list);
  }
  return rows.map((r) => ({
    alert: r.alert,
    endpoint:
      r.alert.endpointId !== null && r.host !== null
        ? { id: r.alert.endpointId, host: r.host, port: r.port ?? 443 }
        : null,
    deliveries: byAlert.get(r.alert.id) ?? [],
  }));
}
