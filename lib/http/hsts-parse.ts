// Strict-Transport-Security as a browser reads it (RFC 6797 §6.1, §8.1): max-age required and numeric,
// every directive at most once, unknown directives ignored, a non-conforming header ignored entirely.
import type { HstsFacts } from "@/lib/assessment/types";

export interface HstsParse {
  hsts: HstsFacts | null;
  /** Why the header was ignored, when it was present but not valid. */
  invalidReason: string | null;
}

const MAX_HEADER = 4096;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function unquote(v: string): string | null {
  if (!v.startsWith('"')) return TOKEN.test(v) ? v : null;
  if (v.length < 2 || !v.endsWith('"')) return null;
  return v.slice(1, -1).replace(/\\(.)/g, "$1");
}

export function parseHsts(header: string | null | undefined): HstsParse {
  if (header === null || header === undefined) return { hsts: null, invalidReason: null };
  if (header.length > MAX_HEADER) return { hsts: null, invalidReason: "header longer than 4 KB" };
  const seen = new Map<string, string | null>();
  for (const part of header.split(";")) {
    const directive = part.trim();
    if (!directive) continue;
    const eq = directive.indexOf("=");
    const name = (eq < 0 ? directive : directive.slice(0, eq)).trim().toLowerCase();
    if (!TOKEN.test(name)) return invalid(`malformed directive "${directive.slice(0, 40)}"`);
    const rawValue = eq < 0 ? null : directive.slice(eq + 1).trim();
    const value = rawValue === null ? null : unquote(rawValue);
    if (rawValue !== null && value === null) return invalid(`malformed value in "${directive.slice(0, 40)}"`);
    if (seen.has(name)) return invalid(`directive ${name} appears more than once`);
    seen.set(name, value);
  }
  if (!seen.has("max-age")) return invalid("max-age is missing");
  const maxAge = seen.get("max-age");
  if (!maxAge || !/^\d+$/.test(maxAge))
    return invalid(`max-age "${maxAge ?? ""}" is not a number of seconds`);
  return {
    hsts: {
      maxAge: Math.min(Number(maxAge), Number.MAX_SAFE_INTEGER),
      includeSubDomains: seen.has("includesubdomains"),
      preload: seen.has("preload"),
    },
    invalidReason: null,
  };
}

function invalid(reason: string): HstsParse {
  return { hsts: null, invalidReason: reason };
}
