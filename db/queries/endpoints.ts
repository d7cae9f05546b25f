import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { type EndpointRow, endpoints, type ScanRow, scans } from "../schema";

export interface EndpointListItem {
  endpoint: EndpointRow;
  lastScan: ScanRow | null;
  /** Soonest leaf expiry across the endpoint's addresses in their latest scans. */
  notAfter: string | null;
}

/** Latest scan per endpoint and address, in one pass. */
function latestScans(db: Db, endpointId?: number): ScanRow[] {
  // One endpoint: the subquery stays on its rows (index scans_endpoint_started), not the whole history.
  const only = endpointId === undefined ? sql`` : sql`WHERE ${scans.endpointId} = ${endpointId}`;
  return db
    .select()
    .from(scans)
    .where(
      sql`${scans.id} IN (SELECT MAX(id) FROM ${scans} ${only} GROUP BY ${scans.endpointId}, COALESCE(${scans.ip}, ''))`,
    )
    .all();
}

export function listEndpoints(db: Db): EndpointListItem[] {
  const rows = db.select().from(endpoints).all();
  const byEndpoint = new Map<number, ScanRow[]>();
  for (const s of latestScans(db)) {
    const list = byEndpoint.get(s.endpointId) ?? [];
    list.push(s);
    byEndpoint.set(s.endpointId, list);
  }
  const items = rows.map((endpoint) => {
    const latest = byEndpoint.get(endpoint.id) ?? [];
    const notAfters = latest
      .map((s) => s.notAfter)
      .filter((v): v is string => v !== null)
      .sort();
    const lastScan = latest.sort((a, b) => b.id - a.id)[0] ?? null;
    return { endpoint, lastScan, notAfter: notAfters[0] ?? null };
  });
  // Soonest expiry first; never-scanned endpoints after them, then by name.
  return items.sort(
    (a, b) =>
      (a.notAfter ?? "9999").localeCompare(b.notAfter ?? "9999") ||
      a.endpoint.host.localeCompare(b.endpoint.host),
  );
}

export function getEndpoint(db: Db, id: number): EndpointRow | null {
  return db.select().from(endpoints).where(eq(endpoints.id, id)).get() ?? null;
}

export function listScans(db: Db, endpointId: number, limit = 50): ScanRow[] {
  return db
    .select()
    .from(scans)
    .where(eq(scans.endpointId, endpointId))
    .orderBy(desc(scans.id))
    .limit(limit)
    .all();
}

export function latestScansFor(db: Db, endpointId: number): ScanRow[] {
  return latestScans(db, endpointId);
}
