import { eq } from "drizzle-orm";
import { countAdmins, findUserById, type PublicUser, toPublicUser } from "@/db/queries/users";
import { users } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { ConflictError, NotFoundError } from "@/server/errors";
import { parseOrThrow } from "@/server/http/field-errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";
import { roleSchema } from "./user-input";

export function changeRole({
  ctx,
  actor,
  id,
  role: rawRole,
}: {
  ctx: Pick<ServiceContext, "db" | "now">;
  actor: Actor;
  id: number;
  role: unknown;
}): PublicUser {
  authorize(actor, "user.write");
  const role = parseOrThrow(roleSchema, rawRole);
  const now = ctx.now?.() ?? new Date();
  return ctx.db.transaction(
    (tx) => {
      const user = findUserById(tx, id);
      if (!user) throw new NotFoundError(`User #${id}`);
      if (user.role === "admin" && role !== "admin" && countAdmins(tx) <= 1) {
        throw new ConflictError("This is the last admin.", "Make another user admin first.");
      }
      const row = tx
        .update(users)
        .set({ role, updatedAt: now.toISOString() })
        .where(eq(users.id, id))
        .returning()
        .get();
      recordAudit(
        tx,
        actor,
        {
          action: "user.role-change",
          targetType: "user",
          targetId: id,
          details: { from: user.role, to: role },
        },
        now,
      );
      return toPublicUser(row);
    },
    { behavior: "immediate" },
  );
}
