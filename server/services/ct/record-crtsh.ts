import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type CtSightingRow,
  type CtWatchedDomainRow,
  crtshStatus,
  ctSightingEntries,
  ctSightings,
} from "@/db/schema";
import type { CrtshRecord, CrtshResult } from "@/lib/ct/crtsh";
import { isCertwatchError } from "@/lib/errors";
import type { DbLike } from "../alert/db-like";
import { classifySighting } from "./classify-sighting";
import { raiseCtAlerts } from "./raise-ct-alerts";
import { normaliseSerial } from "./record-sightings";

/** crt.sh's history is backfill: only issuances logged after the domain was added (less a day) alert. */
const BACKFILL_GRACE_MS = 86_400_000;

function upsertRecord(tx: DbLike, r: CrtshRecord, domain: CtWatchedDomainRow, at: string) {
  const serial = normaliseSerial(r.serial);
  const notBefore = r.notBefore?.toISOString() ?? null;
  const same = notBefore
    ? tx
        .select()
        .from(ctSightings)
        .where(and(eq(ctSightings.serial, serial), eq(ctSightings.notBefore, notBefore)))
        .get()
    : undefined;
  const row =
    same ??
    tx
      .insert(ctSightings)
      .values({
        issuanceKey: `crtsh:${r.issuerCaId ?? "?"}:${serial}`,
        precertOnly: false,
        dnsNames: r.names,
        commonNames: r.commonName ? [r.commonName] : [],
        issuer: r.issuer,
        serial,
        notBefore,
        notAfter: r.notAfter?.toISOString() ?? null,
        watchedDomainId: domain.id,
        watchItem: r.watchItem.pattern,
        ...classifySighting(
          tx,
          { certSha256: null, spkiSha256: null, issuer: r.issuer },
          domain.allowedIssuers,
        ),
        firstSeenAt: at,
      })
      .onConflictDoNothing()
      .returning()
      .get();
  if (!row) return null;
  for (const id of r.crtshIds) {
    tx.insert(ctSightingEntries)
      .values({
        sightingId: row.id,
        logId: "crt.sh",
        entryIndex: id,
        entryType: "crtsh",
        loggedAt: r.entryTimestamp?.toISOString() ?? null,
      })
      .onConflictDoNothing()
      .run();
  }
  return same ? null : row;
}

/** Stores one crt.sh answer (or its failure) for a watched domain; never throws for crt.sh's faults. */
export function recordCrtshResult(
  db: Db,
  input: { domain: CtWatchedDomainRow; result?: CrtshResult; error?: unknown; now?: Date },
): { created: CtSightingRow[]; deliveryIds: number[] } {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const { domain, result, error } = input;
  const since = Date.parse(domain.createdAt) - BACKFILL_GRACE_MS;
  return db.transaction(
    (tx) => {
      const created: CtSightingRow[] = [];
      for (const r of result?.records ?? []) {
        const row = upsertRecord(tx, r, domain, at);
        if (row) created.push(row);
      }
      const status = {
        lastAttemptAt: at,
        ...(result
          ? {
              lastSuccessAt: at,
              lastErrorCode: null,
              lastError: null,
              rowCount: result.rowCount,
              recordCount: result.records.length,
              truncated: result.truncated,
            }
          : {
              lastErrorCode: isCertwatchError(error) ? error.code : "CRTSH_FAILED",
              lastError: String((error as Error)?.message ?? error),
            }),
      };
      tx.insert(crtshStatus)
        .values({ watchedDomainId: domain.id, ...status })
        .onConflictDoUpdate({ target: crtshStatus.watchedDomainId, set: status })
        .run();
      const fresh = created.filter((r) => {
        const rec = result?.records.find((x) => normaliseSerial(x.serial) === r.serial);
        return r.status === "unexpected" && (rec?.entryTimestamp?.getTime() ?? 0) >= since;
      });
      return { created, deliveryIds: raiseCtAlerts(tx, fresh, { logName: "crt.sh", now }) };
    },
    { behavior: "immediate" },
  );
}
