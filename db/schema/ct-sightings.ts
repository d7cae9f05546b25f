import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ctWatchedDomains } from "./ct-watch";

export const SIGHTING_STATUSES = ["expected", "unexpected", "acknowledged"] as const;
export type SightingStatus = (typeof SIGHTING_STATUSES)[number];

/**
 * One row per issuance. `issuanceKey` is the hex SHA-256 of the TBS in precert form for CT entries
 * (a precert and its certificate share it), or `crtsh:<issuer id>:<serial>` for what only crt.sh showed.
 */
export const ctSightings = sqliteTable(
  "ct_sightings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issuanceKey: text("issuance_key").notNull().unique(),
    tbsSha256: text("tbs_sha256"),
    /** Hex SHA-256 of the final certificate once seen (matches certificates.fingerprint_sha256). */
    certSha256: text("cert_sha256"),
    /** Base64 SHA-256 of the SPKI DER (as certificates.spki_sha256). */
    spkiSha256: text("spki_sha256"),
    precertOnly: integer("precert_only", { mode: "boolean" }).notNull().default(true),
    dnsNames: text("dns_names", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    commonNames: text("common_names", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    issuer: text("issuer").notNull(),
    serial: text("serial").notNull(),
    notBefore: text("not_before"),
    notAfter: text("not_after"),
    watchedDomainId: integer("watched_domain_id").references(() => ctWatchedDomains.id, {
      onDelete: "set null",
    }),
    watchItem: text("watch_item").notNull(),
    status: text("status", { enum: SIGHTING_STATUSES }).notNull(),
    reason: text("reason").notNull(),
    acknowledgedBy: text("acknowledged_by"),
    acknowledgedAt: text("acknowledged_at"),
    firstSeenAt: text("first_seen_at").notNull(),
  },
  (t) => [
    index("ct_sightings_first_seen").on(t.firstSeenAt),
    index("ct_sightings_status").on(t.status, t.firstSeenAt),
    index("ct_sightings_serial").on(t.serial),
  ],
);

export type CtSightingRow = typeof ctSightings.$inferSelect;

/** Where an issuance was seen: a log entry, or a crt.sh certificate id (logId "crt.sh"). */
export const ctSightingEntries = sqliteTable(
  "ct_sighting_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sightingId: integer("sighting_id")
      .notNull()
      .references(() => ctSightings.id, { onDelete: "cascade" }),
    logId: text("log_id").notNull(),
    entryIndex: integer("entry_index").notNull(),
    entryType: text("entry_type", { enum: ["x509", "precert", "crtsh"] }).notNull(),
    loggedAt: text("logged_at"),
  },
  (t) => [
    uniqueIndex("ct_sighting_entries_unique").on(t.logId, t.entryIndex),
    index("ct_sighting_entries_sighting").on(t.sightingId),
  ],
);

export type CtSightingEntryRow = typeof ctSightingEntries.$inferSelect;
