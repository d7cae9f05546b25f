import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type LogHealthItem,
  listLogHealth,
  listWatchedDomains,
  logListStatus,
  type SightingItem,
  type WatchedDomainItem,
} from "@/db/queries/ct";
import {
  type CtLogListStatusRow,
  ctLogs,
  ctSightingEntries,
  ctSightings,
  ctWatchedDomains,
  type SightingStatus,
} from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";

type Ctx = { db: Db; now?: () => Date };

export function readWatchedDomains({ ctx, actor }: { ctx: Ctx; actor: Actor }): WatchedDomainItem[] {
  authorize(actor, "domain.read");
  return listWatchedDomains(ctx.db);
}

export function readWatchedDomain({ ctx, actor, id }: { ctx: Ctx; actor: Actor; id: number }) {
  authorize(actor, "domain.read");
  const row = ctx.db.select().from(ctWatchedDomains).where(eq(ctWatchedDomains.id, id)).get();
  if (!row) throw new NotFoundError(`Watched domain #${id}`);
  return row;
}

export interface SightingFilter {
  status?: SightingStatus;
  domainId?: number;
  /** Keyset cursor: only sightings with a smaller id (newest recorded first). */
  beforeId?: number;
  limit: number;
}

function withEntries(db: Db, rows: (typeof ctSightings.$inferSelect)[]): SightingItem[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const entries = db
    .select({ e: ctSightingEntries, name: ctLogs.description })
    .from(ctSightingEntries)
    .leftJoin(ctLogs, eq(ctLogs.logId, ctSightingEntries.logId))
    .where(inArray(ctSightingEntries.sightingId, ids))
    .orderBy(ctSightingEntries.id)
    .all();
  return rows.map((sighting) => ({
    sighting,
    entries: entries
      .filter(({ e }) => e.sightingId === sighting.id)
      .map(({ e, name }) => ({
        logId: e.logId,
        logName: name ?? e.logId,
        entryIndex: e.entryIndex,
        entryType: e.entryType,
      })),
  }));
}

/** The sightings feed for the API: filtered as on /ct, newest recorded first, with every log entry. */
export function readSightings({
  ctx,
  actor,
  filter,
}: {
  ctx: Ctx;
  actor: Actor;
  filter: SightingFilter;
}): SightingItem[] {
  authorize(actor, "sighting.read");
  const where: SQL[] = [];
  if (filter.status) where.push(eq(ctSightings.status, filter.status));
  if (filter.domainId !== undefined) where.push(eq(ctSightings.watchedDomainId, filter.domainId));
  if (filter.beforeId !== undefined) where.push(lt(ctSightings.id, filter.beforeId));
  const rows = ctx.db
    .select()
    .from(ctSightings)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(ctSightings.id))
    .limit(Math.min(Math.max(filter.limit, 1), 1_000))
    .all();
  return withEntries(ctx.db, rows);
}

export function readSighting({ ctx, actor, id }: { ctx: Ctx; actor: Actor; id: number }): SightingItem {
  authorize(actor, "sighting.read");
  const row = ctx.db.select().from(ctSightings).where(eq(ctSightings.id, id)).get();
  if (!row) throw new NotFoundError(`Sighting #${id}`);
  return withEntries(ctx.db, [row])[0] as SightingItem;
}

/** Log list status and each log's health, as /ct/logs shows them. */
export function readLogHealth({ ctx, actor }: { ctx: Ctx; actor: Actor }): {
  list: CtLogListStatusRow | null;
  logs: LogHealthItem[];
} {
  authorize(actor, "sighting.read");
  return { list: logListStatus(ctx.db), logs: listLogHealth(ctx.db, ctx.now?.() ?? new Date()) };
}
