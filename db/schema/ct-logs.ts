import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Every CT log from the log list, with the tailer's state. `tailState` is the JSON TailState
 * (position, collapsed tree, last verified head); null until the log is first initialised.
 */
export const ctLogs = sqliteTable("ct_logs", {
  /** Base64 SHA-256 of the log's key, as in log lists. */
  logId: text("log_id").primaryKey(),
  kind: text("kind", { enum: ["rfc6962", "static"] }).notNull(),
  description: text("description").notNull(),
  operator: text("operator").notNull(),
  /** RFC 6962 base URL or static-ct monitoring URL. */
  url: text("url").notNull(),
  submissionUrl: text("submission_url"),
  /** Base64 DER SubjectPublicKeyInfo. */
  publicKey: text("public_key").notNull(),
  mmd: integer("mmd").notNull(),
  listState: text("list_state"),
  /** Selected for tailing by the latest list (state, interval, log type). */
  tailed: integer("tailed", { mode: "boolean" }).notNull().default(true),
  tailState: text("tail_state", { mode: "json" }),
  /** Verified position and the largest signed size seen (entries behind = seen − position). */
  position: integer("position"),
  seenTreeSize: integer("seen_tree_size"),
  lastHeadAt: text("last_head_at"),
  lastSuccessAt: text("last_success_at"),
  lastAttemptAt: text("last_attempt_at"),
  lastErrorCode: text("last_error_code"),
  lastError: text("last_error"),
  lastErrorAt: text("last_error_at"),
  consecutiveErrors: integer("consecutive_errors").notNull().default(0),
  /** Set when the log served data that does not verify (bad signature, root mismatch). */
  misbehavingAt: text("misbehaving_at"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export type CtLogRow = typeof ctLogs.$inferSelect;

/** The log list loader's last outcome (one row, id 1): failures are shown, never fatal. */
export const ctLogListStatus = sqliteTable("ct_log_list_status", {
  id: integer("id").primaryKey(),
  source: text("source").notNull(),
  version: text("version"),
  listTimestamp: text("list_timestamp"),
  logCount: integer("log_count").notNull().default(0),
  tailedCount: integer("tailed_count").notNull().default(0),
  signatureVerified: integer("signature_verified", { mode: "boolean" }).notNull().default(false),
  lastAttemptAt: text("last_attempt_at"),
  lastSuccessAt: text("last_success_at"),
  lastError: text("last_error"),
});

export type CtLogListStatusRow = typeof ctLogListStatus.$inferSelect;
