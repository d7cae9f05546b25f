import { and, desc, eq, lt } from "drizzle-orm";
import { type EndpointListItem, getEndpoint as getEndpointRow, listEndpoints } from "@/db/queries/endpoints";
import { type EndpointRow, type ScanRow, scans } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import type { ServiceContext } from "../context";

export type EndpointStatus = "ok" | "error" | "never" | "paused";

export function statusOf(item: EndpointListItem): EndpointStatus {
  if (!item.endpoint.enabled) return "paused";
  return item.lastScan ? item.lastScan.outcome : "never";
}

/** The dashboard's list, filtered by tag and status like the pages. */
export function findEndpoints({
  ctx,
  actor,
  filter,
}: {
  ctx: Pick<ServiceContext, "db">;
  actor: Actor;
  filter: { tag?: string; status?: EndpointStatus; host?: string };
}): EndpointListItem[] {
  authorize(actor, "endpoint.read");
  return listEndpoints(ctx.db).filter(
    (i) =>
      (!filter.tag || i.endpoint.tags.includes(filter.tag.toLowerCase())) &&
      (!filter.status || statusOf(i) === filter.status) &&
      (!filter.host || i.endpoint.host.includes(filter.host.toLowerCase())),
  );
}

export function readEndpoint({
  ctx,
  actor,
  id,
}: {
  ctx: Pick<ServiceContext, "db">;
  actor: Actor;
  id: number;
}): EndpointRow {
  authorize(actor, "endpoint.read");
  const e = getEndpointRow(ctx.db, id);
  if (!e) throw new NotFoundError(`Endpoint #${id}`);
  return e;
}

/** Scans of one endpoint, newest first, before a scan id (keyset). */
export function readEndpointScans({
  ctx,
  actor,
  id,
  limit,
  beforeId,
}: {
  ctx: Pick<ServiceContext, "db">;
  actor: Actor;
  id: number;
  limit: number;
  beforeId?: number;
}): ScanRow[] {
  authorize(actor, "scan.read");
  readEndpoint({ ctx, actor, id });
  const where = beforeId ? and(eq(scans.endpointId, id), lt(scans.id, beforeId)) : eq(scans.endpointId, id);
  return ctx.db.select().from(scans).where(where).orderBy(desc(scans.id)).limit(limit).all();
}

export function readScan({
  ctx,
  actor,
  id,
}: {
  ctx: Pick<ServiceContext, "db">;
  actor: Actor;
  id: number;
}): ScanRow {
  authorize(actor, "scan.read");
  const s = ctx.db.select().from(scans).where(eq(scans.id, id)).get();
  if (!s) throw new NotFoundError(`Scan #${id}`);
  return s;
}
