import { createUserOp, listUsersOp } from "@/server/http/operations/accounts";
import { withApi } from "@/server/http/with-api";
import { createUser } from "@/server/services/user/create-user";
import { listUsers } from "@/server/services/user/list-users";

export const dynamic = "force-dynamic";

export const GET = withApi(listUsersOp, ({ ctx, actor }) => ({ data: listUsers({ ctx, actor }) }));

export const POST = withApi(createUserOp, ({ ctx, actor, body }) => createUser({ ctx, actor, input: body }));
