import { and, eq, gte, lt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AlertRow, alerts, channels, deliveries } from "@/db/schema";
import { type AlertDigest, buildDigest } from "@/lib/alerts/digest";
import { decisionOf } from "./decision-of";
import { insertDelivery } from "./insert-alerts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Alerts routed to the channel in the 24 hours before `end`: what its digest at `end` lists. */
function digestItems(db: Db, channelId: number, end: Date): AlertRow[] {
  return db
    .select({ a: alerts })
    .from(alerts)
    .innerJoin(deliveries, eq(deliveries.alertId, alerts.id))
    .where(
      and(
        eq(deliveries.channelId, channelId),
        ne(alerts.event, "digest"),
        gte(alerts.createdAt, new Date(end.getTime() - DAY_MS).toISOString()),
        lt(alerts.createdAt, end.toISOString()),
      ),
    )
    .all()
    .map((r) => r.a);
}

/** The digest a stored digest alert stands for, rebuilt from the rows (its occurredAt is the window end). */
export function digestFor(db: Db, alert: AlertRow, channelId: number): AlertDigest | null {
  const end = new Date(alert.occurredAt);
  const items = digestItems(db, channelId, end).map(decisionOf);
  return buildDigest({ decisions: items, day: end, recipient: `channel:${channelId}` });
}

/**
 * Runs hourly: every digest channel whose UTC hour this is gets one digest alert (keyed per channel and
 * day, so a re-run of the hour sends nothing new) with one delivery. Returns the delivery ids to enqueue.
 */
export function queueDigests(db: Db, now: Date): number[] {
  const end = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const due = db
    .select()
    .from(channels)
    .where(
      and(
        eq(channels.digest, true),
        eq(channels.enabled, true),
        eq(channels.digestHourUtc, end.getUTCHours()),
      ),
    )
    .all();
  const ids: number[] = [];
  for (const c of due) {
    const digest = buildDigest({
      decisions: digestItems(db, c.id, end).map(decisionOf),
      day: end,
      recipient: `channel:${c.id}`,
    });
    if (!digest) continue;
    const id = db.transaction((tx) => {
      const at = now.toISOString();
      const row = tx
        .insert(alerts)
        .values({
          dedupeKey: digest.dedupeKey,
          disposition: "send",
          event: "digest",
          status: "info",
          severity: digest.counts.critical ? "critical" : digest.counts.warning ? "warning" : "info",
          threshold: digest.day,
          title: digest.title,
          facts: {},
          linkPath: "/alerts",
          occurredAt: end.toISOString(),
          createdAt: at,
        })
        .onConflictDoNothing({ target: alerts.dedupeKey })
        .returning({ id: alerts.id })
        .get();
      return row ? insertDelivery(tx, row.id, c.id, at) : null;
    });
    if (id !== null) ids.push(id);
  }
  return ids;
}
