import type { Db } from "@/db/client";
import { type Actor, ForbiddenError, UnauthenticatedError } from "@/server/auth/actor";
import { actorFromApiToken } from "@/server/auth/api-tokens";
import { resolveSession, SESSION_COOKIE, type SessionPolicy } from "@/server/auth/sessions";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

/**
 * A cookie rides along on cross-site requests, so a cookie-authenticated write must prove it came from our
 * own pages: the browser-set Sec-Fetch-Site, or an Origin naming this host. Bearer tokens need no proof.
 */
export function sameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = req.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host === req.headers.get("host");
  } catch {
    return false;
  }
}

/** The actor of an API request: `Authorization: Bearer cw_…`, else the session cookie. Throws 401/403. */
export function authenticateRequest(db: Db, req: Request, policy: SessionPolicy, now = new Date()): Actor {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = m?.[1] ? actorFromApiToken(db, m[1], now) : null;
    if (!actor)
      throw new UnauthenticatedError("The API token is unknown or revoked.", "Create one on /account.");
    return actor;
  }
  const session = resolveSession(db, cookieValue(req.headers.get("cookie"), SESSION_COOKIE), policy, now);
  if (!session) {
    throw new UnauthenticatedError(
      "Authentication required.",
      "Send Authorization: Bearer <token>; tokens are made on /account.",
    );
  }
  if (!SAFE.has(req.method) && !sameOrigin(req)) {
    throw new ForbiddenError(
      "Cross-site request refused.",
      "Scripts should use an API token, not a browser cookie.",
    );
  }
  const { user } = session;
  return { kind: "session", userId: user.id, label: user.email, role: user.role };
}
