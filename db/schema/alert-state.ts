import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { endpoints } from "./endpoints";

/** lib/alerts AlertState per endpoint and address (ip "" when the scan had none), saved with each scan. */
export const alertStates = sqliteTable(
  "alert_states",
  {
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => endpoints.id, { onDelete: "cascade" }),
    ip: text("ip").notNull(),
    state: text("state", { mode: "json" }).$type<unknown>().notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.endpointId, t.ip] })],
);

/** State of alert families that are not per endpoint (the CT watcher's health), keyed by scope. */
export const scopeAlertStates = sqliteTable("scope_alert_states", {
  scope: text("scope").primaryKey(),
  state: text("state", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: text("updated_at").notNull(),
});

export type AlertStateRow = typeof alertStates.$inferSelect;
