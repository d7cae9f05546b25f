import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { CertwatchError } from "@/lib/errors";
import { burnPasswordCheck, verifyPassword } from "./password";
import {
  assertLoginAllowed,
  clearAccountFailures,
  DEFAULT_LOGIN_LIMITS,
  type LoginLimits,
  recordLoginFailure,
} from "./rate-limit";
import { createSession, type SessionPolicy } from "./sessions";

/** One message for an unknown email and a wrong password: the form must not confirm accounts. */
export const BAD_CREDENTIALS = "Email or password is incorrect.";

export async function login(args: {
  db: Db;
  email: string;
  password: string;
  ip: string | null;
  policy: SessionPolicy;
  limits?: LoginLimits;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const { db, ip, policy, limits = DEFAULT_LOGIN_LIMITS, now = new Date() } = args;
  const email = args.email.trim().toLowerCase().slice(0, 320);
  assertLoginAllowed(db, { email, ip }, limits, now);
  const user = db.select().from(users).where(eq(users.email, email)).get();
  const ok = user
    ? await verifyPassword(user.passwordHash, args.password)
    : await burnPasswordCheck(args.password);
  if (!user || !ok) {
    recordLoginFailure(db, { email, ip }, limits, now);
    throw new CertwatchError("INVALID_CREDENTIALS", BAD_CREDENTIALS);
  }
  clearAccountFailures(db, email);
  const { token, expiresAt } = createSession(db, user.id, policy, now);
  return { token, expiresAt, userId: user.id };
}
