import { listScansOp, scanJson } from "@/server/http/operations/endpoints";
import { withApi } from "@/server/http/with-api";
import { readEndpointScans } from "@/server/services/endpoint/read-endpoints";

export const dynamic = "force-dynamic";

/** Newest first; the cursor is the last scan id of the previous page. */
export const GET = withApi(listScansOp, ({ ctx, actor, params, query }) => {
  const beforeId = query.cursor ? Number(query.cursor) : undefined;
  const rows = readEndpointScans({ ctx, actor, id: params.id, limit: query.limit + 1, beforeId });
  const data = rows.slice(0, query.limit);
  const more = rows.length > query.limit;
  return { data: data.map(scanJson), nextCursor: more ? String(data.at(-1)?.id) : null };
});
