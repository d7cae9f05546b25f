// The caIssuers downloader chainFacts uses to complete chains: small, quick, policy-checked, never throws.
import { fetchLimited } from "@/lib/http/fetch-limited";
import type { AddressPolicy } from "@/lib/net/address-policy";

const MAX_ISSUER_BYTES = 256 * 1024;

export function issuerFetcher(opts: { timeoutMs?: number; policy?: AddressPolicy } = {}) {
  return async (url: string): Promise<Buffer | null> => {
    try {
      const r = await fetchLimited({
        url,
        timeoutMs: opts.timeoutMs ?? 5_000,
        maxBytes: MAX_ISSUER_BYTES,
        maxRedirects: 2,
        policy: opts.policy,
      });
      return r.status === 200 && r.body.length > 0 ? r.body : null;
    } catch {
      return null;
    }
  };
}
