import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type SessionRow, sessions, type UserRow, users } from "@/db/schema";
import { randomToken, sha256Hex } from "./secrets";

export { SESSION_COOKIE } from "./cookie-name";

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

export function sessionPolicyOf(cfg: {
  CERTWATCH_SESSION_IDLE_HOURS: number;
  CERTWATCH_SESSION_MAX_DAYS: number;
}): SessionPolicy {
  return {
    idleMs: cfg.CERTWATCH_SESSION_IDLE_HOURS * 3_600_000,
    maxMs: cfg.CERTWATCH_SESSION_MAX_DAYS * 86_400_000,
  };
}

/** Writes of lastSeenAt are throttled to one a minute: reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export function createSession(
  db: Db,
  userId: number,
  policy: SessionPolicy,
  now = new Date(),
): { token: string; expiresAt: Date } {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + policy.maxMs);
  db.insert(sessions)
    .values({
      tokenHash: sha256Hex(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    .run();
  // Housekeeping in passing: sign-ins are rare, expired rows are useless.
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
  return { token, expiresAt };
}

function expired(s: SessionRow, u: UserRow, policy: SessionPolicy, now: Date): boolean {
  const t = now.getTime();
  return (
    Date.parse(s.expiresAt) <= t ||
    Date.parse(s.lastSeenAt) + policy.idleMs <= t ||
    Date.parse(s.createdAt) < Date.parse(u.passwordChangedAt)
  );
}

/** The user behind a session cookie, or null when it is unknown, expired, idle too long or superseded. */
export function resolveSession(
  db: Db,
  token: string | undefined | null,
  policy: SessionPolicy,
  now = new Date(),
): { user: UserRow; session: SessionRow } | null {
  if (!token || token.length > 128) return null;
  const tokenHash = sha256Hex(token);
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .get();
  if (!row) return null;
  if (expired(row.session, row.user, policy, now)) {
    db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    return null;
  }
  if (now.getTime() - Date.parse(row.session.lastSeenAt) > TOUCH_EVERY_MS) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.tokenHash, tokenHash)).run();
  }
  return row;
}

export function deleteSession(db: Db, token: string): void {
  db.delete(sessions)
    .where(eq(sessions.tokenHash, sha256Hex(token)))
    .run();
}

/** Every session of a user except, optionally, the one making the request. */
export function deleteUserSessions(db: Db, userId: number, keepToken?: string): void {
  const keep = keepToken ? sha256Hex(keepToken) : null;
  const rows = db.select().from(sessions).where(eq(sessions.userId, userId)).all();
  for (const r of rows) {
    if (r.tokenHash !== keep)
      db.delete(sessions)
        .where(and(eq(sessions.userId, userId), eq(sessions.tokenHash, r.tokenHash)))
        .run();
  }
}
