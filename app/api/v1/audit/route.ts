import { listAuditOp } from "@/server/http/operations/accounts";
import { withApi } from "@/server/http/with-api";
import { listAudit } from "@/server/services/audit/list-audit";

export const dynamic = "force-dynamic";

/** Newest first; the cursor is the last entry id of the previous page. */
export const GET = withApi(listAuditOp, ({ ctx, actor, query }) => {
  const beforeId = query.cursor ? Number(query.cursor) : undefined;
  const rows = listAudit({ ctx, actor, filter: { ...query, beforeId, limit: query.limit + 1 } });
  const data = rows.slice(0, query.limit);
  return { data, nextCursor: rows.length > query.limit ? String(data.at(-1)?.id) : null };
});
