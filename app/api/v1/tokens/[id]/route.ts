import { revokeTokenOp } from "@/server/http/operations/accounts";
import { withApi } from "@/server/http/with-api";
import { revokeToken } from "@/server/services/token/revoke-token";

export const dynamic = "force-dynamic";

export const DELETE = withApi(revokeTokenOp, ({ ctx, actor, params }) => {
  revokeToken({ ctx, actor, id: params.id });
});
