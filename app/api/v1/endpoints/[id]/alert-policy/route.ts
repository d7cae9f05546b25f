import { getEndpointPolicyOp, setEndpointPolicyOp } from "@/server/http/operations/alerts";
import { withApi } from "@/server/http/with-api";
import { readEndpointPolicy } from "@/server/services/alert-policy/read-alert-policy";
import { setAlertPolicy } from "@/server/services/alert-policy/set-alert-policy";

export const dynamic = "force-dynamic";

export const GET = withApi(getEndpointPolicyOp, ({ ctx, actor, params }) =>
  readEndpointPolicy({ ctx, actor, endpointId: params.id }),
);

export const PUT = withApi(setEndpointPolicyOp, ({ ctx, actor, params, body }) => {
  setAlertPolicy({ ctx, actor, scope: { endpointId: params.id }, input: body });
  return readEndpointPolicy({ ctx, actor, endpointId: params.id });
});
