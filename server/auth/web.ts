import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { countUsers } from "@/db/queries/users";
import { db } from "@/server/db";
import { config } from "@/server/env";
import type { Actor } from "./actor";
import { UnauthenticatedError } from "./actor";
import { safeNextPath } from "./safe-next";
import { resolveSession, SESSION_COOKIE, sessionPolicyOf } from "./sessions";

export { safeNextPath };

/** The signed-in user of this page or server action, or null. */
export async function currentActor(): Promise<Actor | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const s = resolveSession(db(), token, sessionPolicyOf(config()));
  return s ? { kind: "session", userId: s.user.id, label: s.user.email, role: s.user.role } : null;
}

/** For pages: the actor, or a redirect to /setup (no users yet) or /login (back here afterwards). */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  if (countUsers(db()) === 0) redirect("/setup");
  const path = (await headers()).get("x-certwatch-path");
  redirect(path && path !== "/" ? `/login?next=${encodeURIComponent(safeNextPath(path))}` : "/login");
}

/** For server actions: the actor or UNAUTHENTICATED (services then check the role). */
export async function requireActionActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UnauthenticatedError("Your session has ended.", "Sign in again.");
  return actor;
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().https,
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** The client address for rate limits: X-Forwarded-For is only trusted behind a configured proxy. */
export async function clientAddress(): Promise<string | null> {
  const h = await headers();
  const forwarded =
    h
      .get("x-forwarded-for")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  // Next fills X-Forwarded-For from the socket when the client sent none; a client-sent one is appended to
  // by a real proxy, so the last entry is the one our proxy saw.
  return (config().CERTWATCH_TRUST_PROXY ? forwarded.at(-1) : forwarded[0]) ?? null;
}
