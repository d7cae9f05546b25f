import { eq } from "drizzle-orm";
import { findToken } from "@/db/queries/tokens";
import { apiTokens } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { NotFoundError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";

/** Revoked tokens stay listed in the audit log; a token of someone else is "not found" to non-admins. */
export function revokeToken({
  ctx,
  actor,
  id,
}: {
  ctx: Pick<ServiceContext, "db" | "now">;
  actor: Actor;
  id: number;
}): void {
  authorize(actor, "self.manage");
  const token = findToken(ctx.db, id);
  const mine = token !== null && token.userId === actor.userId;
  if (!token || token.revokedAt || (!mine && !can(actor.role, "user.write"))) {
    throw new NotFoundError(`Token #${id}`);
  }
  const now = ctx.now?.() ?? new Date();
  ctx.db.transaction((tx) => {
    tx.update(apiTokens).set({ revokedAt: now.toISOString() }).where(eq(apiTokens.id, id)).run();
    recordAudit(
      tx,
      actor,
      { action: "token.revoke", targetType: "token", targetId: id, details: { name: token.name } },
      now,
    );
  });
}
