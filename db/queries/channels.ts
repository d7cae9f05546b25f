import { count } from "drizzle-orm";
import type { Db } from "../client";
import { type DeliveryStatus, deliveries } from "../schema";

export type DeliveryCounts = Record<DeliveryStatus, number>;

/** Per channel: how many deliveries are pending, retrying, sent and failed (for the channel list). */
export function deliveryCountsByChannel(db: Db): Map<number, DeliveryCounts> {
  const rows = db
    .select({ channelId: deliveries.channelId, status: deliveries.status, n: count() })
    .from(deliveries)
    .groupBy(deliveries.channelId, deliveries.status)
    .all();
  const out = new Map<number, DeliveryCounts>();
  for (const r of rows) {
    const c = out.get(r.channelId) ?? { pending: 0, retrying: 0, sent: 0, failed: 0 };
    c[r.status] = r.n;
    out.set(r.channelId, c);
  }
  return out;
}
