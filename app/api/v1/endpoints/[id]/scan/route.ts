import { scanEndpointOp } from "@/server/http/operations/endpoints";
import { withApi } from "@/server/http/with-api";
import { scanEndpointNow } from "@/server/services/endpoint/scan-endpoint-now";

export const dynamic = "force-dynamic";

export const POST = withApi(scanEndpointOp, ({ ctx, actor, params }) =>
  scanEndpointNow({ ctx, actor, id: params.id }),
);
