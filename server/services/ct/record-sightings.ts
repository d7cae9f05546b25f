import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type CtSightingRow, type CtWatchedDomainRow, ctSightingEntries, ctSightings } from "@/db/schema";
import type { KeyedSighting } from "@/lib/ct/tail";
import type { DbLike } from "../alert/db-like";
import { classifySighting } from "./classify-sighting";
import { raiseCtAlerts } from "./raise-ct-alerts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Serials compared without DER's sign padding (crt.sh and the DER walker may differ on it). */
export function normaliseSerial(serial: string): string {
  return serial.toLowerCase().replace(/^(00)+(?=[89a-f])/, "");
}

/** A crt.sh-only row for the same issuance (serial and notBefore) is adopted by its first CT sighting. */
function findExisting(tx: DbLike, key: string, serial: string, notBefore: string | null) {
  const byKey = tx.select().from(ctSightings).where(eq(ctSightings.issuanceKey, key)).get();
  if (byKey || !notBefore) return byKey;
  return tx
    .select()
    .from(ctSightings)
    .where(
      and(
        eq(ctSightings.serial, serial),
        eq(ctSightings.notBefore, notBefore),
        sql`${ctSightings.issuanceKey} LIKE 'crtsh:%'`,
      ),
    )
    .get();
}

function upsertGroup(
  tx: DbLike,
  group: KeyedSighting[],
  domains: Map<string, CtWatchedDomainRow>,
  at: string,
) {
  const first = group[0]!;
  const key = first.tbsSha256.toString("hex");
  const cert = group.find((s) => !s.precert);
  const certSha256 = cert?.certSha256?.toString("hex") ?? null;
  const dnsNames = union(
    [],
    group.flatMap((s) => s.dnsNames),
  );
  const serial = normaliseSerial(first.serial);
  const existing = findExisting(tx, key, serial, iso(first.notBefore));
  const domain = domains.get(String(first.watchItem.id ?? "")) ?? null;
  if (!existing) {
    const c = classifySighting(
      tx,
      { certSha256, spkiSha256: first.spkiSha256, issuer: first.issuer },
      domain?.allowedIssuers ?? [],
    );
    const row = tx
      .insert(ctSightings)
      .values({
        issuanceKey: key,
        tbsSha256: key,
        certSha256,
        spkiSha256: first.spkiSha256,
        precertOnly: !cert,
        dnsNames,
        commonNames: first.commonNames,
        issuer: first.issuer,
        serial,
        notBefore: iso(first.notBefore),
        notAfter: iso(first.notAfter),
        watchedDomainId: domain?.id ?? null,
        watchItem: first.watchItem.pattern,
        status: c.status,
        reason: c.reason,
        firstSeenAt: at,
      })
      .returning()
      .get();
    return { row, created: true };
  }
  const merged = {
    certSha256: existing.certSha256 ?? certSha256,
    spkiSha256: existing.spkiSha256 ?? first.spkiSha256,
  };
  const c =
    existing.status === "unexpected"
      ? classifySighting(tx, { ...merged, issuer: existing.issuer }, domain?.allowedIssuers ?? [])
      : null;
  const row = tx
    .update(ctSightings)
    .set({
      issuanceKey: key,
      tbsSha256: key,
      ...merged,
      precertOnly: existing.precertOnly && !cert,
      dnsNames: union(existing.dnsNames, dnsNames),
      ...(c ? { status: c.status, reason: c.reason } : {}),
    })
    .where(eq(ctSightings.id, existing.id))
    .returning()
    .get()!;
  return { row, created: false };
}

/**
 * Stores verified sightings from one log pass: one row per issuance (grouped by TBS hash), every log
 * entry once, classified on first sight. Idempotent: a re-delivered pass adds nothing.
 */
export function recordCtSightings(
  db: Db,
  input: {
    logId: string;
    logName?: string | null;
    sightings: KeyedSighting[];
    domains: CtWatchedDomainRow[];
    now?: Date;
  },
): { created: CtSightingRow[]; deliveryIds: number[] } {
  const now = input.now ?? new Date();
  const domains = new Map(input.domains.map((d) => [String(d.id), d]));
  const groups = new Map<string, KeyedSighting[]>();
  for (const s of input.sightings) {
    const k = s.tbsSha256.toString("hex");
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return db.transaction(
    (tx) => {
      const created: CtSightingRow[] = [];
      for (const group of groups.values()) {
        const { row, created: isNew } = upsertGroup(tx, group, domains, now.toISOString());
        if (isNew) created.push(row);
        for (const s of group) {
          tx.insert(ctSightingEntries)
            .values({
              sightingId: row.id,
              logId: input.logId,
              entryIndex: s.index,
              entryType: s.precert ? "precert" : "x509",
              loggedAt: new Date(s.timestamp).toISOString(),
            })
            .onConflictDoNothing()
            .run();
        }
      }
      const alerting = created.filter((r) => r.status === "unexpected");
      const deliveryIds = raiseCtAlerts(tx, alerting, { logName: input.logName ?? null, now });
      return { created, deliveryIds };
    },
    { behavior: "immediate" },
  );
}
