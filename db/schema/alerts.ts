import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AlertFacts } from "@/lib/alerts/types";
import { endpoints } from "./endpoints";
import { scans } from "./scans";

export const ALERT_DISPOSITIONS = ["send", "passed"] as const;
export type AlertDisposition = (typeof ALERT_DISPOSITIONS)[number];

/**
 * Every alert decision, recorded under its dedupe key before anything is queued: the UNIQUE constraint
 * is what makes a retried job, a restarted worker or two racing scans send an alert once. "passed"
 * rows are thresholds overtaken by a more urgent one: kept so they are never sent later.
 * `event` is an AlertEventKind or "digest" (the daily digest of one channel; threshold = its UTC day).
 */
export const alerts = sqliteTable(
  "alerts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dedupeKey: text("dedupe_key").notNull().unique(),
    disposition: text("disposition", { enum: ALERT_DISPOSITIONS }).notNull(),
    event: text("event").notNull(),
    status: text("status", { enum: ["firing", "resolved", "info"] }).notNull(),
    severity: text("severity", { enum: ["info", "warning", "critical"] }).notNull(),
    /** Null for alerts that belong to no endpoint (CT, digests). */
    endpointId: integer("endpoint_id").references(() => endpoints.id, { onDelete: "cascade" }),
    /** The scan that raised it: lets a retried record job find its deliveries again. */
    scanId: integer("scan_id").references(() => scans.id, { onDelete: "set null" }),
    ip: text("ip"),
    fingerprint: text("fingerprint"),
    threshold: text("threshold"),
    title: text("title").notNull(),
    advice: text("advice").notNull().default(""),
    facts: text("facts", { mode: "json" }).$type<AlertFacts>().notNull(),
    linkPath: text("link_path").notNull().default("/alerts"),
    occurredAt: text("occurred_at").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("alerts_created").on(t.createdAt),
    index("alerts_endpoint").on(t.endpointId, t.createdAt),
    index("alerts_scan").on(t.scanId),
  ],
);

export type AlertRow = typeof alerts.$inferSelect;
export type NewAlertRow = typeof alerts.$inferInsert;
