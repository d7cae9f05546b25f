import { eq } from "drizzle-orm";
import { countAdmins, findUserById } from "@/db/queries/users";
import { users } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { ConflictError, NotFoundError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";

/** Removes the user, their sessions and tokens (cascade); audit entries keep their email. */
export function deleteUser({
  ctx,
  actor,
  id,
}: {
  ctx: Pick<ServiceContext, "db" | "now">;
  actor: Actor;
  id: number;
}): void {
  authorize(actor, "user.write");
  if (actor.userId === id) {
    throw new ConflictError("You cannot delete your own account.", "Ask another admin to do it.");
  }
  const now = ctx.now?.() ?? new Date();
  ctx.db.transaction(
    (tx) => {
      const user = findUserById(tx, id);
      if (!user) throw new NotFoundError(`User #${id}`);
      if (user.role === "admin" && countAdmins(tx) <= 1) {
        throw new ConflictError("This is the last admin.", "Make another user admin first.");
      }
      tx.delete(users).where(eq(users.id, id)).run();
      recordAudit(
        tx,
        actor,
        { action: "user.delete", targetType: "user", targetId: id, details: { email: user.email } },
        now,
      );
    },
    { behavior: "immediate" },
  );
}
