import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE } from "./server/auth/cookie-name";
import { config as appConfig } from "./server/env";
import { contentSecurityPolicy, HSTS, STATIC_SECURITY_HEADERS } from "./server/http/security-headers";

const PUBLIC_PAGES = new Set(["/login", "/setup"]);
const PUBLIC_API = new Set(["/api/health"]);

function isHttps(req: NextRequest): boolean {
  const cfg = appConfig();
  if (cfg.https || req.nextUrl.protocol === "https:") return true;
  return cfg.CERTWATCH_TRUST_PROXY && req.headers.get("x-forwarded-proto") === "https";
}

function withSecurityHeaders(res: NextResponse, req: NextRequest, csp: string): NextResponse {
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  res.headers.set("Content-Security-Policy", csp);
  if (isHttps(req)) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

/**
 * First gate, cheap: no credentials → 401 JSON for the API, /login for pages. The session itself is
 * checked by the page guard and the API wrapper (they have the database); this only keeps anonymous
 * visitors out early and puts security headers and the CSP nonce on every response.
 */
export function proxy(req: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const path = req.nextUrl.pathname;
  const hasCookie = Boolean(req.cookies.get(SESSION_COOKIE)?.value);
  const isApi = path.startsWith("/api/") && path !== "/api/docs";

  if (isApi && !PUBLIC_API.has(path) && !hasCookie && !req.headers.get("authorization")) {
    const res = NextResponse.json(
      {
        error: {
          code: "UNAUTHENTICATED",
          message: "Authentication required.",
          hint: "Send Authorization: Bearer <token>; tokens are made on /account.",
        },
      },
      { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="certwatch"' } },
    );
    return withSecurityHeaders(res, req, csp);
  }
  if (!isApi && !PUBLIC_PAGES.has(path) && !hasCookie) {
    const login = new URL("/login", req.url);
    if (path !== "/") login.searchParams.set("next", path + req.nextUrl.search);
    return withSecurityHeaders(NextResponse.redirect(login, 303), req, csp);
  }
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-certwatch-path", path + req.nextUrl.search);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), req, csp);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
