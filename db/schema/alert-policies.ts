import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AlertPolicyOverride } from "@/lib/alerts/policy";
import { endpoints } from "./endpoints";

/**
 * Alert policy overrides (lib/alerts AlertPolicyOverride) per endpoint or per tag; resolvePolicy merges
 * them over the defaults. `scopeKey` is "endpoint:<id>" or "tag:<name>": one row per scope.
 */
export const alertPolicies = sqliteTable("alert_policies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  scopeKey: text("scope_key").notNull().unique(),
  endpointId: integer("endpoint_id").references(() => endpoints.id, { onDelete: "cascade" }),
  tag: text("tag"),
  override: text("override", { mode: "json" }).$type<AlertPolicyOverride>().notNull(),
  updatedAt: text("updated_at").notNull(),
});

export type AlertPolicyRow = typeof alertPolicies.$inferSelect;
