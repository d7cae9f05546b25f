import { removeDomainOp, updateDomainOp } from "@/server/http/operations/ct";
import { withApi } from "@/server/http/with-api";
import { readWatchedDomain } from "@/server/services/ct/read-ct";
import { removeWatchedDomain } from "@/server/services/ct/remove-watched-domain";
import { setAllowedIssuers } from "@/server/services/ct/set-allowed-issuers";

export const dynamic = "force-dynamic";

export const PATCH = withApi(updateDomainOp, async ({ ctx, actor, params, body }) => {
  const { reclassified } = await setAllowedIssuers({
    ctx,
    actor,
    id: params.id,
    issuers: body.allowedIssuers,
  });
  return { ...readWatchedDomain({ ctx, actor, id: params.id }), reclassified };
});

export const DELETE = withApi(removeDomainOp, async ({ ctx, actor, params }) => {
  await removeWatchedDomain({ ctx, actor, id: params.id });
});
