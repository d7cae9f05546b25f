import { z } from "zod";
import { type PublicToken, toPublicToken } from "@/db/queries/tokens";
import { findUserById } from "@/db/queries/users";
import { apiTokens } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { mintApiToken } from "@/server/auth/api-tokens";
import { NotFoundError } from "@/server/errors";
import { parseOrThrow } from "@/server/http/field-errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";

export const tokenInputSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name, e.g. ci-deploy.").max(80, "At most 80 characters."),
});

export const MAX_TOKENS_PER_USER = 50;

/**
 * A token for the actor, or (admins, the CLI) for another user. The secret is in the result once and
 * nowhere else: only its SHA-256 is stored.
 */
export function createToken({
  ctx,
  actor,
  input,
  userId,
}: {
  ctx: Pick<ServiceContext, "db" | "now">;
  actor: Actor;
  input: unknown;
  userId?: number;
}): { token: string; record: PublicToken } {
  const ownerId = userId ?? actor.userId;
  authorize(actor, ownerId === actor.userId ? "self.manage" : "user.write");
  const { name } = parseOrThrow(tokenInputSchema, input);
  const owner = ownerId === null ? null : findUserById(ctx.db, ownerId);
  if (!owner) throw new NotFoundError(`User #${ownerId}`);
  const minted = mintApiToken();
  const now = ctx.now?.() ?? new Date();
  const row = ctx.db.transaction((tx) => {
    const r = tx
      .insert(apiTokens)
      .values({
        userId: owner.id,
        name,
        tokenHash: minted.tokenHash,
        prefix: minted.prefix,
        createdAt: now.toISOString(),
      })
      .returning()
      .get();
    recordAudit(
      tx,
      actor,
      { action: "token.create", targetType: "token", targetId: r.id, details: { name, user: owner.email } },
      now,
    );
    return r;
  });
  return { token: minted.token, record: toPublicToken(row) };
}
