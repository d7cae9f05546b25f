import { fetchLimited } from "@/lib/http/fetch-limited";
import type { AddressPolicy } from "@/lib/net/address-policy";
import type { RevocationFetch } from "@/lib/revocation/http-fetch";

const MAX_ISSUER_BYTES = 256 * 1024;

/**
 * Fetches the scanned server chose for us (AIA caIssuers, OCSP, CRL URLs): they pass the same address
 * policy as the targets themselves, so a certificate cannot point the scanner at cloud metadata.
 */
export function issuerFetcher(policy: AddressPolicy | undefined, timeoutMs: number) {
  return async (url: string): Promise<Buffer | null> => {
    const r = await fetchLimited({ url, timeoutMs, maxBytes: MAX_ISSUER_BYTES, maxRedirects: 3, policy });
    return r.status === 200 ? r.body : null;
  };
}

export function revocationFetcher(policy: AddressPolicy | undefined): RevocationFetch {
  return async (req) => {
    const r = await fetchLimited({
      url: req.url,
      method: req.method,
      body: req.body,
      headers: req.headers,
      timeoutMs: req.timeoutMs,
      maxBytes: req.maxBytes,
      maxRedirects: 3,
      policy,
    });
    const type = r.headers["content-type"];
    return {
      status: r.status,
      body: r.body,
      contentType: typeof type === "string" ? type : null,
      url: r.url,
    };
  };
}
