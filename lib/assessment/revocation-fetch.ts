import { fetchLimited } from "@/lib/http/fetch-limited";
import type { AddressPolicy } from "@/lib/net/address-policy";
import type { RevocationFetch } from "@/lib/revocation/http-fetch";

/**
 * OCSP and CRL URLs are chosen by the scanned server's certificate: they pass the same address policy
 * as the targets themselves, so a certificate cannot point the scanner at cloud metadata.
 */
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
