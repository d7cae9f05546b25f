import {
  deleteEndpointOp,
  endpointJson,
  getEndpointOp,
  updateEndpointOp,
} from "@/server/http/operations/endpoints";
import { withApi } from "@/server/http/with-api";
import { deleteEndpoint } from "@/server/services/endpoint/delete-endpoint";
import { readEndpoint } from "@/server/services/endpoint/read-endpoints";
import { updateEndpoint } from "@/server/services/endpoint/update-endpoint";

export const dynamic = "force-dynamic";

export const GET = withApi(getEndpointOp, ({ ctx, actor, params }) =>
  endpointJson(readEndpoint({ ctx, actor, id: params.id })),
);

export const PATCH = withApi(updateEndpointOp, async ({ ctx, actor, params, body }) =>
  endpointJson(await updateEndpoint({ ctx, actor, id: params.id, input: body })),
);

export const DELETE = withApi(deleteEndpointOp, async ({ ctx, actor, params }) => {
  await deleteEndpoint({ ctx, actor, id: params.id });
});
