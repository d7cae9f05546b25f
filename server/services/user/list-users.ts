import { listUsers as listUserRows, type PublicUser } from "@/db/queries/users";
import { type Actor, authorize } from "@/server/auth/actor";
import type { ServiceContext } from "../context";

export function listUsers({ ctx, actor }: { ctx: Pick<ServiceContext, "db">; actor: Actor }): PublicUser[] {
  authorize(actor, "user.read");
  return listUserRows(ctx.db);
}
