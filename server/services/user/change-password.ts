import { eq } from "drizzle-orm";
import { findUserById } from "@/db/queries/users";
import { users } from "@/db/schema";
import { type Actor, authorize, UnauthenticatedError } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { deleteUserSessions } from "@/server/auth/sessions";
import { ValidationError } from "@/server/errors";
import { parseOrThrow } from "@/server/http/field-errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";
import { changePasswordSchema } from "./user-input";

/**
 * A user changes their own password. Every session of theirs ends (passwordChangedAt voids them), so a
 * stolen cookie dies with the old password; the web caller signs the user in again with a fresh session.
 */
export async function changePassword({
  ctx,
  actor,
  input,
}: {
  ctx: Pick<ServiceContext, "db" | "now">;
  actor: Actor;
  input: unknown;
}): Promise<void> {
  authorize(actor, "self.manage");
  const user = actor.userId === null ? null : findUserById(ctx.db, actor.userId);
  if (!user) throw new UnauthenticatedError("Only a signed-in user can change their password.");
  const data = parseOrThrow(changePasswordSchema, input);
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new ValidationError({ currentPassword: ["The current password is not correct."] });
  }
  const hash = await hashPassword(data.newPassword);
  const now = ctx.now?.() ?? new Date();
  ctx.db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash: hash, updatedAt: now.toISOString(), passwordChangedAt: now.toISOString() })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, actor, { action: "user.password-change", targetType: "user", targetId: user.id }, now);
  });
  deleteUserSessions(ctx.db, user.id);
}
