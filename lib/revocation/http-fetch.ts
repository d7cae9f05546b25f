// The transport for OCSP responders and CRL distribution points: lib/http's capped fetch (one deadline,
// a body cap, at most 3 redirects, http/https only, every hop checked against the address policy —
// these URLs come from certificates, i.e. from whoever runs the scanned server).
import { fetchLimited } from "@/lib/http/fetch-limited";
import type { AddressPolicy } from "@/lib/net/address-policy";

export const MAX_REDIRECTS = 3;

export interface FetchRequest {
  url: string;
  method: "GET" | "POST";
  body?: Uint8Array;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

export interface FetchResponse {
  status: number;
  body: Buffer;
  contentType: string | null;
  /** The URL that answered, after redirects. */
  url: string;
}

/** The transport checkRevocation uses; tests and callers may substitute their own. */
export type RevocationFetch = (req: FetchRequest) => Promise<FetchResponse>;

export function policyFetch(policy?: AddressPolicy): RevocationFetch {
  return async (req) => {
    const r = await fetchLimited({ ...req, maxRedirects: MAX_REDIRECTS, policy });
    const type = r.headers["content-type"];
    return {
      status: r.status,
      body: r.body,
      contentType: typeof type === "string" ? type : null,
      url: r.url,
    };
  };
}

/** With the scanner's default address policy (no cloud metadata or link-local targets). */
export const cappedFetch: RevocationFetch = policyFetch();
