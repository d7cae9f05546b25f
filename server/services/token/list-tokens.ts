import { listTokens as listTokenRows, type PublicToken } from "@/db/queries/tokens";
import { type Actor, authorize } from "@/server/auth/actor";
import type { ServiceContext } from "../context";

/** The actor's own tokens; admins may list another user's. */
export function listTokens({
  ctx,
  actor,
  userId,
}: {
  ctx: Pick<ServiceContext, "db">;
  actor: Actor;
  userId?: number;
}): PublicToken[] {
  const ownerId = userId ?? actor.userId;
  authorize(actor, ownerId === actor.userId ? "self.manage" : "user.read");
  return ownerId === null ? [] : listTokenRows(ctx.db, ownerId);
}
