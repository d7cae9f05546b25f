import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import type { Actor } from "./actor";
import { randomToken, sha256Hex } from "./secrets";

export const TOKEN_PREFIX = "cw_";

/** A new token: the caller shows `token` once and stores only `tokenHash` and `prefix`. */
export function mintApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  return { token, tokenHash: sha256Hex(token), prefix: token.slice(0, 10) };
}

const TOUCH_EVERY_MS = 60_000;

/** The actor for `Authorization: Bearer cw_…`, with the owner's current role; null when unknown or revoked. */
export function actorFromApiToken(db: Db, token: string, now = new Date()): Actor | null {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 128) return null;
  const row = db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt)))
    .get();
  if (!row) return null;
  const last = row.token.lastUsedAt ? Date.parse(row.token.lastUsedAt) : 0;
  if (now.getTime() - last > TOUCH_EVERY_MS) {
    db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.token.id)).run();
  }
  return {
    kind: "token",
    userId: row.user.id,
    label: row.user.email,
    role: row.user.role,
    tokenId: row.token.id,
  };
}
