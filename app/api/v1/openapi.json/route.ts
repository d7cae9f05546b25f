import { config } from "@/server/env";
import { openApiDocument } from "@/server/http/openapi";
import { openApiOp } from "@/server/http/operations/meta";
import { withApi } from "@/server/http/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi(openApiOp, () => openApiDocument(config().baseUrl));
