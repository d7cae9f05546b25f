import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { certificates } from "./certificates";
import { endpoints } from "./endpoints";

/** A certificate seen on an endpoint at an address, at a chain position (0 = leaf). */
export const observations = sqliteTable(
  "observations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => endpoints.id, { onDelete: "cascade" }),
    ip: text("ip").notNull().default(""),
    fingerprintSha256: text("fingerprint_sha256")
      .notNull()
      .references(() => certificates.fingerprintSha256),
    position: integer("position").notNull(),
    firstSeenAt: text("first_seen_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
  },
  (t) => [uniqueIndex("observations_unique").on(t.endpointId, t.ip, t.fingerprintSha256, t.position)],
);
