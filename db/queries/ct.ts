import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import {
  type CrtshStatusRow,
  type CtLogRow,
  type CtSightingRow,
  type CtWatchedDomainRow,
  crtshStatus,
  ctLogListStatus,
  ctLogs,
  ctSightingEntries,
  ctSightings,
  ctWatchedDomains,
  endpoints,
  type SightingStatus,
} from "../schema";

export interface WatchedDomainItem {
  domain: CtWatchedDomainRow;
  crtsh: CrtshStatusRow | null;
}

export function listWatchedDomains(db: Db): WatchedDomainItem[] {
  const statuses = new Map(
    db
      .select()
      .from(crtshStatus)
      .all()
      .map((s) => [s.watchedDomainId, s]),
  );
  return db
    .select()
    .from(ctWatchedDomains)
    .orderBy(ctWatchedDomains.pattern)
    .all()
    .map((domain) => ({ domain, crtsh: statuses.get(domain.id) ?? null }));
}

export interface SightingEntryItem {
  logId: string;
  logName: string;
  entryIndex: number;
  entryType: string;
}

export interface SightingItem {
  sighting: CtSightingRow;
  entries: SightingEntryItem[];
}

export function listSightings(
  db: Db,
  filter: { status?: SightingStatus; domainId?: number; limit?: number } = {},
): SightingItem[] {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(ctSightings.status, filter.status));
  if (filter.domainId) where.push(eq(ctSightings.watchedDomainId, filter.domainId));
  const rows = db
    .select()
    .from(ctSightings)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(ctSightings.firstSeenAt), desc(ctSightings.id))
    .limit(filter.limit ?? 200)
    .all();
  if (rows.length === 0) return [];
  const names = new Map(
    db
      .select({ id: ctLogs.logId, d: ctLogs.description })
      .from(ctLogs)
      .all()
      .map((l) => [l.id, l.d]),
  );
  const entries = db
    .select()
    .from(ctSightingEntries)
    .where(
      inArray(
        ctSightingEntries.sightingId,
        rows.map((r) => r.id),
      ),
    )
    .all();
  return rows.map((sighting) => ({
    sighting,
    entries: entries
      .filter((e) => e.sightingId === sighting.id)
      .map((e) => ({
        logId: e.logId,
        logName: names.get(e.logId) ?? e.logId,
        entryIndex: e.entryIndex,
        entryType: e.entryType,
      })),
  }));
}

export interface LogHealthItem {
  log: CtLogRow;
  behind: number | null;
  /** Minutes since the last verified pass (null: never). */
  minutesSinceSuccess: number | null;
}

export function listLogHealth(db: Db, now = new Date()): LogHealthItem[] {
  return db
    .select()
    .from(ctLogs)
    .orderBy(desc(ctLogs.tailed), ctLogs.description)
    .all()
    .map((log) => ({
      log,
      behind:
        log.seenTreeSize !== null && log.position !== null
          ? Math.max(0, log.seenTreeSize - log.position)
          : null,
      minutesSinceSuccess: log.lastSuccessAt
        ? Math.floor((now.getTime() - Date.parse(log.lastSuccessAt)) / 60_000)
        : null,
    }));
}

export function logListStatus(db: Db) {
  return db.select().from(ctLogListStatus).where(eq(ctLogListStatus.id, 1)).get() ?? null;
}

export interface DiscoveryItem {
  name: string;
  sightings: number;
  lastSeenAt: string;
}

/** Concrete names seen in CT for watched domains that no endpoint monitors yet ("add as endpoint"). */
export function discoverySuggestions(db: Db, limit = 50): DiscoveryItem[] {
  const monitored = new Set(
    db
      .select({ host: endpoints.host })
      .from(endpoints)
      .all()
      .map((e) => e.host.toLowerCase()),
  );
  const found = new Map<string, DiscoveryItem>();
  const rows = db
    .select({ names: ctSightings.dnsNames, at: ctSightings.firstSeenAt })
    .from(ctSightings)
    .orderBy(desc(ctSightings.firstSeenAt))
    .limit(5_000)
    .all();
  for (const r of rows) {
    for (const raw of r.names) {
      const name = raw.toLowerCase();
      if (name.includes("*") || name.includes("<") || name.includes("?") || monitored.has(name)) continue;
      const item = found.get(name) ?? { name, sightings: 0, lastSeenAt: r.at };
      item.sightings++;
      found.set(name, item);
    }
  }
  return [...found.values()].slice(0, limit);
}
