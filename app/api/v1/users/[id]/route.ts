import { deleteUserOp, updateUserOp } from "@/server/http/operations/accounts";
import { withApi } from "@/server/http/with-api";
import { changeRole } from "@/server/services/user/change-role";
import { deleteUser } from "@/server/services/user/delete-user";

export const dynamic = "force-dynamic";

export const PATCH = withApi(updateUserOp, ({ ctx, actor, params, body }) =>
  changeRole({ ctx, actor, id: params.id, role: body.role }),
);

export const DELETE = withApi(deleteUserOp, ({ ctx, actor, params }) => {
  deleteUser({ ctx, actor, id: params.id });
});
