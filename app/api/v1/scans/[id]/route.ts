import { getScanOp, scanJson } from "@/server/http/operations/endpoints";
import { withApi } from "@/server/http/with-api";
import { readScan } from "@/server/services/endpoint/read-endpoints";

export const dynamic = "force-dynamic";

export const GET = withApi(getScanOp, ({ ctx, actor, params }) => {
  const s = readScan({ ctx, actor, id: params.id });
  return { ...scanJson(s), errorHint: s.errorHint, facts: s.facts };
});
