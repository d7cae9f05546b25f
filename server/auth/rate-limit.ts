import { and, count, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginFailures } from "@/db/schema";
import { CertwatchError } from "@/lib/errors";

export interface LoginLimits {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

/** 5 wrong passwords per account and 20 per address in 15 minutes; a correct one clears the account. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

export class RateLimitedError extends CertwatchError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      "RATE_LIMITED",
      "Too many failed sign-ins. Wait a few minutes and try again.",
      `Try again in about ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    );
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

function failuresSince(db: Db, key: string, since: string): number {
  return (
    db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)))
      .get()?.n ?? 0
  );
}

/** Throws RATE_LIMITED before any password work when either key is over its limit. */
export function assertLoginAllowed(
  db: Db,
  who: { email: string; ip: string | null },
  limits = DEFAULT_LOGIN_LIMITS,
  now = new Date(),
): void {
  const since = new Date(now.getTime() - limits.windowMs).toISOString();
  const overAccount = failuresSince(db, accountKey(who.email), since) >= limits.perAccount;
  const overAddress = who.ip !== null && failuresSince(db, addressKey(who.ip), since) >= limits.perAddress;
  if (overAccount || overAddress) throw new RateLimitedError(Math.ceil(limits.windowMs / 1000));
}

export function recordLoginFailure(
  db: Db,
  who: { email: string; ip: string | null },
  limits = DEFAULT_LOGIN_LIMITS,
  now = new Date(),
): void {
  const at = now.toISOString();
  const keys = [accountKey(who.email), ...(who.ip ? [addressKey(who.ip)] : [])];
  db.insert(loginFailures)
    .values(keys.map((key) => ({ key, at })))
    .run();
  const old = new Date(now.getTime() - limits.windowMs).toISOString();
  db.delete(loginFailures).where(lt(loginFailures.at, old)).run();
}

export function clearAccountFailures(db: Db, email: string): void {
  db.delete(loginFailures)
    .where(inArray(loginFailures.key, [accountKey(email)]))
    .run();
}
