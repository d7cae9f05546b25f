import { blob, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Each certificate once, keyed by the SHA-256 of its DER. */
export const certificates = sqliteTable("certificates", {
  fingerprintSha256: text("fingerprint_sha256").primaryKey(),
  der: blob("der", { mode: "buffer" }).notNull(),
  subject: text("subject").notNull(),
  issuer: text("issuer").notNull(),
  serialNumber: text("serial_number").notNull(),
  notBefore: text("not_before").notNull(),
  notAfter: text("not_after").notNull(),
  spkiSha256: text("spki_sha256").notNull(),
  firstSeenAt: text("first_seen_at").notNull(),
});

export type CertificateRow = typeof certificates.$inferSelect;
