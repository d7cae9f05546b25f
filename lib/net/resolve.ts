// Host → the addresses to scan, with the address policy applied before any connection is made.
import dns from "node:dns";
import { isIP } from "node:net";
import { CertwatchError } from "@/lib/errors";
import { type AddressPolicy, checkAddressAllowed, DEFAULT_ADDRESS_POLICY } from "@/lib/net/address-policy";
import { classifyTlsError } from "@/lib/tls/tls-errors";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type LookupAll = (host: string) => Promise<ResolvedAddress[]>;

export interface ResolveOptions {
  /** Every A and AAAA address (scan each), or just the first the resolver prefers. */
  all: boolean;
  policy?: AddressPolicy;
  /** Injected resolver, e.g. for tests or a custom DNS server. */
  lookup?: LookupAll;
}

const MAX_ADDRESSES = 16;

const systemLookup: LookupAll = async (host) => {
  const found = await dns.promises.lookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Resolve `host` (IP literals pass through), dropping addresses the policy refuses.
 * Throws DNS_NOT_FOUND when nothing resolves and ADDRESS_NOT_ALLOWED when every address is refused.
 */
export async function resolveTargets(host: string, opts: ResolveOptions): Promise<ResolvedAddress[]> {
  const kind = isIP(host);
  let found: ResolvedAddress[];
  if (kind) {
    found = [{ address: host, family: kind === 6 ? 6 : 4 }];
  } else {
    try {
      found = await (opts.lookup ?? systemLookup)(host);
    } catch (err) {
      throw classifyTlsError(err, { host, port: 0 });
    }
  }
  const unique = [...new Map(found.map((a) => [a.address, a])).values()].slice(0, MAX_ADDRESSES);
  if (unique.length === 0) {
    throw new CertwatchError(
      "DNS_NOT_FOUND",
      `${host} has no A or AAAA record`,
      "Check the DNS records for this name.",
    );
  }
  const verdicts = unique.map((a) => ({
    a,
    v: checkAddressAllowed(a.address, opts.policy ?? DEFAULT_ADDRESS_POLICY),
  }));
  const allowed = verdicts.filter((x) => x.v.allowed).map((x) => x.a);
  if (allowed.length === 0) {
    const reason = verdicts[0]!.v.reason!;
    throw new CertwatchError(
      "ADDRESS_NOT_ALLOWED",
      kind ? `Refusing to scan ${reason}` : `Refusing to scan ${host}: ${reason}`,
      "If this target is intended, an administrator can allow the address range in the scanner's address policy.",
    );
  }
  return opts.all ? allowed : allowed.slice(0, 1);
}

/** The first allowed address of `host` (or the IP literal itself), within timeoutMs: what a probe connects to. */
export async function resolveOne(
  host: string,
  opts: { policy?: AddressPolicy; timeoutMs: number; lookup?: LookupAll },
) {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const hint = "The DNS resolver is slow or unreachable; retry, or set an IP override.";
      reject(new CertwatchError("TIMEOUT", `Resolving ${host} took longer than ${opts.timeoutMs} ms`, hint));
    }, opts.timeoutMs);
  });
  try {
    const lookup = resolveTargets(host, { all: false, policy: opts.policy, lookup: opts.lookup });
    return (await Promise.race([lookup, slow]))[0]!.address;
  } finally {
    clearTimeout(timer);
  }
}
