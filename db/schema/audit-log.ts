import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/** Who changed what. The actor's email is copied so entries outlive deleted users. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Email, or `system` / `cli` for changes made outside a session. */
    actorLabel: text("actor_label").notNull(),
    /** `<entity>.<verb>`, e.g. endpoint.create, user.role-change. */
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    /** Changed fields; never secrets. */
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at").on(t.at), index("audit_log_target").on(t.targetType, t.targetId)],
);

export type AuditRow = typeof auditLog.$inferSelect;
