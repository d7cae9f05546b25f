import { alertJson, listAlertsOp } from "@/server/http/operations/alerts";
import { withApi } from "@/server/http/with-api";
import { listAlerts } from "@/server/services/alert/read-alerts";

export const dynamic = "force-dynamic";

/** Newest first; the cursor is the last alert id of the previous page. */
export const GET = withApi(listAlertsOp, ({ ctx, actor, query }) => {
  const filter = {
    endpointId: query.endpoint,
    event: query.event,
    status: query.status,
    includePassed: query.includePassed === "true",
    beforeId: query.cursor ? Number(query.cursor) : undefined,
    limit: query.limit + 1,
  };
  const rows = listAlerts({ ctx, actor, filter });
  const data = rows.slice(0, query.limit);
  const more = rows.length > query.limit;
  return { data: data.map(alertJson), nextCursor: more ? String(data.at(-1)?.alert.id) : null };
});
