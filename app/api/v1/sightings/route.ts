import { listSightingsOp, sightingJson } from "@/server/http/operations/ct";
import { withApi } from "@/server/http/with-api";
import { readSightings } from "@/server/services/ct/read-ct";

export const dynamic = "force-dynamic";

/** Newest first; the cursor is the last sighting id of the previous page. */
export const GET = withApi(listSightingsOp, ({ ctx, actor, query }) => {
  const beforeId = query.cursor ? Number(query.cursor) : undefined;
  const filter = { status: query.status, domainId: query.domain, beforeId, limit: query.limit + 1 };
  const rows = readSightings({ ctx, actor, filter });
  const data = rows.slice(0, query.limit);
  const more = rows.length > query.limit;
  return { data: data.map(sightingJson), nextCursor: more ? String(data.at(-1)?.sighting.id) : null };
});
