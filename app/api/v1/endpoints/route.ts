import {
  createEndpointOp,
  endpointJson,
  listEndpointsOp,
  listItemJson,
} from "@/server/http/operations/endpoints";
import { paginateById } from "@/server/http/pagination";
import { withApi } from "@/server/http/with-api";
import { createEndpoint } from "@/server/services/endpoint/create-endpoint";
import { findEndpoints, statusOf } from "@/server/services/endpoint/read-endpoints";

export const dynamic = "force-dynamic";

export const GET = withApi(listEndpointsOp, ({ ctx, actor, query }) => {
  const items = findEndpoints({ ctx, actor, filter: query });
  const page = paginateById(items, (i) => i.endpoint.id, query);
  return { data: page.data.map((i) => listItemJson(i, statusOf(i))), nextCursor: page.nextCursor };
});

export const POST = withApi(createEndpointOp, async ({ ctx, actor, body }) =>
  endpointJson(await createEndpoint({ ctx, actor, input: body })),
);
