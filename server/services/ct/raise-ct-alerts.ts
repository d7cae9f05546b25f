import type { Db } from "@/db/client";
import type { CtSightingRow } from "@/db/schema";
import type { CtIssuance, CtLogHealth } from "@/lib/alerts/evaluate-ct";
import { DEFAULT_ALERT_POLICY } from "@/lib/alerts/policy";
import type { DbLike } from "../alert/db-like";
import { recordCtAlerts, recordCtAlertsInTx } from "../alert/record-ct-alerts";

function issuanceOf(s: CtSightingRow, logName: string | null): CtIssuance {
  return {
    id: s.issuanceKey,
    spkiSha256: s.spkiSha256,
    names: [...new Set([...s.dnsNames, ...s.commonNames])],
    issuer: s.issuer,
    notBefore: s.notBefore ?? "",
    notAfter: s.notAfter ?? "",
    logName,
  };
}

/**
 * The single call site from CT to the alert layer: one alert per newly unexpected sighting, keyed by
 * its issuance (so a re-read log range never alerts twice). Runs in the transaction that stores the
 * sightings, so a crash cannot keep a sighting and lose its alert; returns delivery ids to enqueue.
 */
export function raiseCtAlerts(
  tx: DbLike,
  sightings: readonly CtSightingRow[],
  opts: { logName: string | null; now: Date },
): number[] {
  const byWatch = new Map<string, CtSightingRow[]>();
  for (const s of sightings) {
    const watchId = String(s.watchedDomainId ?? s.watchItem);
    byWatch.set(watchId, [...(byWatch.get(watchId) ?? []), s]);
  }
  const ids: number[] = [];
  for (const [watchId, rows] of byWatch) {
    const found = rows.map((r) => issuanceOf(r, opts.logName));
    ids.push(...recordCtAlertsInTx(tx, { issuances: { watchId, found }, now: opts.now }));
  }
  return ids;
}

/**
 * The watcher's own health (CT.md §8) for every tailed log: fires when a log's last verified pass is
 * older than `maxLagMinutes` (a misbehaving log stops advancing, so it ends up here too) or its backlog
 * is too large, and resolves when it catches up.
 */
export function raiseWatcherHealthAlerts(
  db: Db,
  logs: readonly CtLogHealth[],
  opts: { maxLagMinutes: number; now: Date },
): number[] {
  const policy = { ...DEFAULT_ALERT_POLICY, ctBehindMinutes: Math.max(5, opts.maxLagMinutes) };
  return recordCtAlerts({ db, health: [...logs], policy, now: opts.now });
}
