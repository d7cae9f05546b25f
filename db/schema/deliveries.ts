import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { alerts } from "./alerts";
import { channels } from "./channels";

export const DELIVERY_STATUSES = ["pending", "retrying", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One alert to one channel. Created in the alert's transaction; a deliver-alert job per row sends it. */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    alertId: integer("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** The notifier's message (secrets already scrubbed); never a raw cause. */
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    sentAt: text("sent_at"),
  },
  (t) => [
    uniqueIndex("deliveries_alert_channel").on(t.alertId, t.channelId),
    index("deliveries_status").on(t.status),
    index("deliveries_channel").on(t.channelId, t.createdAt),
  ],
);

export type DeliveryRow = typeof deliveries.$inferSelect;
