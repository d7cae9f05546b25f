import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { endpoints } from "./endpoints";

export const scans = sqliteTable(
  "scans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => endpoints.id, { onDelete: "cascade" }),
    /** BullMQ job id of the probe: the recorder writes each result once. */
    jobId: text("job_id").notNull().unique(),
    ip: text("ip"),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    outcome: text("outcome", { enum: ["ok", "error"] }).notNull(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    errorHint: text("error_hint"),
    leafFingerprint: text("leaf_fingerprint"),
    notAfter: text("not_after"),
    trusted: integer("trusted", { mode: "boolean" }),
    hostnameMatch: integer("hostname_match", { mode: "boolean" }),
    grade: text("grade"),
    /** The full Assessment as JSON (lib/assessment/types.ts) minus the chain DER. */
    facts: text("facts", { mode: "json" }),
  },
  (t) => [index("scans_endpoint_started").on(t.endpointId, t.startedAt)],
);

export type ScanRow = typeof scans.$inferSelect;
