// Security headers of an endpoint's HTTPS root page, fetched over the same name and address we scan, on a
// socket that accepts any certificate: headers are facts about the endpoint even when it is not trusted.
import type { HstsFacts } from "@/lib/assessment/types";
import { fetchLimited } from "@/lib/http/fetch-limited";
import { parseHsts } from "@/lib/http/hsts-parse";
import { openTlsSocket } from "@/lib/tls/handshake";

export interface SecurityHeadersOptions {
  host: string;
  port: number;
  ip?: string | null;
  sni?: string | null;
  /** Accepted for symmetry with handshake(); headers are read whether or not the chain is trusted. */
  caPem?: string | null;
  timeoutMs?: number;
}

export interface SecurityHeaders {
  status: number;
  hsts: HstsFacts | null;
  /** The first Strict-Transport-Security header as sent (browsers use only the first). */
  hstsHeader: string | null;
  hstsInvalidReason: string | null;
  contentSecurityPolicy: string | null;
  xFrameOptions: string | null;
  xContentTypeOptions: string | null;
  referrerPolicy: string | null;
  permissionsPolicy: string | null;
}

const MAX_VALUE = 2048;

export async function fetchSecurityHeaders(opts: SecurityHeadersOptions): Promise<SecurityHeaders> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  const socket = await openTlsSocket({ ...opts, timeoutMs });
  try {
    const hostHeader = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
    const response = await fetchLimited({
      url: `https://${hostHeader}${opts.port === 443 ? "" : `:${opts.port}`}/`,
      connection: socket,
      headersOnly: true,
      timeoutMs: Math.max(1, deadline - Date.now()),
    });
    const first = (name: string) => {
      const v = response.rawHeaders.find(([n]) => n === name)?.[1];
      return v === undefined ? null : v.slice(0, MAX_VALUE);
    };
    const hstsHeader = first("strict-transport-security");
    const parsed = parseHsts(hstsHeader);
    return {
      status: response.status,
      hsts: parsed.hsts,
      hstsHeader,
      hstsInvalidReason: parsed.invalidReason,
      contentSecurityPolicy: first("content-security-policy"),
      xFrameOptions: first("x-frame-options"),
      xContentTypeOptions: first("x-content-type-options"),
      referrerPolicy: first("referrer-policy"),
      permissionsPolicy: first("permissions-policy"),
    };
  } finally {
    socket.destroy();
  }
}
