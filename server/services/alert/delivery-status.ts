import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts, channels, deliveries } from "@/db/schema";

/** Delivery, alert and channel in one read: everything a deliver-alert job needs. */
export function loadDelivery(db: Db, deliveryId: number) {
  return (
    db
      .select({ delivery: deliveries, alert: alerts, channel: channels })
      .from(deliveries)
      .innerJoin(alerts, eq(alerts.id, deliveries.alertId))
      .innerJoin(channels, eq(channels.id, deliveries.channelId))
      .where(eq(deliveries.id, deliveryId))
      .get() ?? null
  );
}

export function markAttempt(db: Db, deliveryId: number, at: Date): void {
  db.update(deliveries)
    .set({ attempts: sql`${deliveries.attempts} + 1`, updatedAt: at.toISOString() })
    .where(eq(deliveries.id, deliveryId))
    .run();
}

export function markSent(db: Db, deliveryId: number, at: Date): void {
  db.update(deliveries)
    .set({ status: "sent", sentAt: at.toISOString(), lastError: null, updatedAt: at.toISOString() })
    .where(eq(deliveries.id, deliveryId))
    .run();
}

/** `error` must already be free of secrets (NotifierError messages are; others go through scrubSecrets). */
export function markFailure(
  db: Db,
  deliveryId: number,
  status: "retrying" | "failed",
  error: string,
  at: Date,
): void {
  db.update(deliveries)
    .set({ status, lastError: error.slice(0, 1_000), updatedAt: at.toISOString() })
    .where(eq(deliveries.id, deliveryId))
    .run();
}
