/** Headers every response carries (SSL Labs-style hygiene; securityheaders.com grades these). */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** Two years with subdomains, as hstspreload.org asks; sent only on HTTPS, where browsers honour it. */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Scripts only with this response's nonce (Next stamps it on its own inline scripts when it finds it in
 * the request's CSP). Styles allow inline because React writes style attributes; a nonce cannot cover those.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For responses the proxy never sees (built assets): nothing there may run or be framed. */
export const ASSET_CSP = "default-src 'none'; frame-ancestors 'none'";
