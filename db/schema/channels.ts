import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const CHANNEL_KIND_VALUES = ["email", "slack", "webhook"] as const;

/**
 * A notification channel. `config` holds only the non-secret settings; the secret ones (SMTP password,
 * Slack/webhook URL, webhook secret and headers) sit in `secrets`, sealed with AES-256-GCM
 * (server/crypto/secret-box.ts) and bound to the channel id. Routing lives on the row: an empty
 * `events` or `tags` list means "all".
 */
export const channels = sqliteTable("channels", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind", { enum: CHANNEL_KIND_VALUES }).notNull(),
  name: text("name").notNull().unique(),
  config: text("config", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  secrets: text("secrets"),
  events: text("events", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  /** Also send a daily digest of the alerts routed here, at this UTC hour. */
  digest: integer("digest", { mode: "boolean" }).notNull().default(false),
  digestHourUtc: integer("digest_hour_utc").notNull().default(7),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export type ChannelRow = typeof channels.$inferSelect;
