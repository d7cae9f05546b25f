import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Watched domains: `.example.com` (with subdomains) or `example.com` (that name only). */
export const ctWatchedDomains = sqliteTable("ct_watched_domains", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Normalised watch item (lower-case, ASCII/punycode), unique. */
  pattern: text("pattern").notNull().unique(),
  /** Issuer DN fragments (case-insensitive) whose certificates are expected for this domain. */
  allowedIssuers: text("allowed_issuers", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export type CtWatchedDomainRow = typeof ctWatchedDomains.$inferSelect;
