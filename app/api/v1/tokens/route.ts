import { createTokenOp, listTokensOp } from "@/server/http/operations/accounts";
import { withApi } from "@/server/http/with-api";
import { createToken } from "@/server/services/token/create-token";
import { listTokens } from "@/server/services/token/list-tokens";

export const dynamic = "force-dynamic";

export const GET = withApi(listTokensOp, ({ ctx, actor }) => ({ data: listTokens({ ctx, actor }) }));

export const POST = withApi(createTokenOp, ({ ctx, actor, body }) =>
  createToken({ ctx, actor, input: body }),
);
