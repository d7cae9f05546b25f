import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { type ApiTokenRow, apiTokens } from "../schema";

export type PublicToken = Omit<ApiTokenRow, "tokenHash">;

export function toPublicToken({ tokenHash: _omit, ...rest }: ApiTokenRow): PublicToken {
  return rest;
}

/** A user's tokens, newest first; revoked ones only when asked. */
export function listTokens(db: Db, userId: number, includeRevoked = false): PublicToken[] {
  const where = includeRevoked
    ? eq(apiTokens.userId, userId)
    : and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt));
  return db.select().from(apiTokens).where(where).orderBy(desc(apiTokens.id)).all().map(toPublicToken);
}

export function findToken(db: Pick<Db, "select">, id: number): ApiTokenRow | null {
  return db.select().from(apiTokens).where(eq(apiTokens.id, id)).get() ?? null;
}
