import { alertJson, getAlertOp } from "@/server/http/operations/alerts";
import { withApi } from "@/server/http/with-api";
import { readAlert } from "@/server/services/alert/read-alerts";

export const dynamic = "force-dynamic";

export const GET = withApi(getAlertOp, ({ ctx, actor, params }) =>
  alertJson(readAlert({ ctx, actor, id: params.id })),
);
