import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ctWatchedDomains } from "./ct-watch";

/** crt.sh's last answer per watched domain, for the log health page. */
export const crtshStatus = sqliteTable("crtsh_status", {
  watchedDomainId: integer("watched_domain_id")
    .primaryKey()
    .references(() => ctWatchedDomains.id, { onDelete: "cascade" }),
  lastAttemptAt: text("last_attempt_at"),
  lastSuccessAt: text("last_success_at"),
  lastErrorCode: text("last_error_code"),
  lastError: text("last_error"),
  rowCount: integer("row_count"),
  recordCount: integer("record_count"),
  truncated: integer("truncated", { mode: "boolean" }).notNull().default(false),
});

export type CrtshStatusRow = typeof crtshStatus.$inferSelect;
