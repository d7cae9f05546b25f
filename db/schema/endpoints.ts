import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const endpoints = sqliteTable("endpoints", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  host: text("host").notNull(),
  port: integer("port").notNull().default(443),
  /** Connect here instead of resolving host (SNI still the host or `sni`). */
  ip: text("ip"),
  sni: text("sni"),
  /** PEM bundle of a private CA trusted for this endpoint only. */
  caPem: text("ca_pem"),
  intervalSeconds: integer("interval_seconds").notNull().default(3600),
  tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  /** host|port|ip|sni, lower-cased: duplicates are refused on it. */
  targetKey: text("target_key").notNull().unique(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export type EndpointRow = typeof endpoints.$inferSelect;
export type NewEndpointRow = typeof endpoints.$inferInsert;
