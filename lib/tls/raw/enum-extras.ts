import { suiteByCode } from "../suites";
import { EC_GROUPS, FFDHE_GROUPS, HYBRID_GROUPS } from "./constants";
import { helloFor, type TlsProtocol } from "./hellos";
import type { ServerFlight } from "./server-flight";
import type { ProbeSession } from "./session";
import { buildSslv2ClientHello } from "./sslv2";

export const ALPN_CANDIDATES = ["h2", "http/1.1"] as const;

export interface Sslv2Result {
  supported: boolean | null;
  ciphers: number[];
}

export async function probeSslv2(s: ProbeSession): Promise<Sslv2Result> {
  const o = await s.send(buildSslv2ClientHello(), { sslv2: true });
  if (o.kind === "sslv2") return { supported: o.hello.ciphers.length > 0, ciphers: o.hello.ciphers };
  // A TLS-only server alerts, resets, closes or answers garbage-to-SSLv2: all mean "no SSLv2".
  const undetermined =
    o.kind === "failed" && ["TIMEOUT", "BUDGET_EXCEEDED", "ABORTED"].includes(o.error.code);
  return { supported: undetermined ? null : false, ciphers: [] };
}

/** TLS 1.3: offer one group with no key share; a HelloRetryRequest (or ServerHello) naming it means support. */
export async function probeGroups13(s: ProbeSession, suites: number[]): Promise<number[]> {
  const candidates = [...EC_GROUPS, ...FFDHE_GROUPS, ...HYBRID_GROUPS];
  const hits = await Promise.all(
    candidates.map(async (g) => {
      const o = await s.send(helloFor("TLSv1.3", suites, s.sni, { groups: [g], keyShares: [] }));
      return o.kind === "hello" && o.hello.keyShareGroup === g;
    }),
  );
  return candidates.filter((_, i) => hits[i]);
}

/** TLS ≤ 1.2: offer only ECDHE suites and one curve; the ServerKeyExchange names the curve used. */
export async function probeGroups12(
  s: ProbeSession,
  protocol: TlsProtocol,
  suites: number[],
): Promise<number[]> {
  const ecdhe = suites.filter((c) => suiteByCode(c)?.keyExchange === "ECDHE");
  if (ecdhe.length === 0) return [];
  const hits = await Promise.all(
    EC_GROUPS.map(async (g) => (await probeFlight(s, protocol, ecdhe, [g]))?.ecGroup === g),
  );
  return EC_GROUPS.filter((_, i) => hits[i]);
}

/** Read the plaintext TLS ≤ 1.2 flight after offering `suites`. */
export async function probeFlight(
  s: ProbeSession,
  protocol: TlsProtocol,
  suites: number[],
  groups?: number[],
): Promise<ServerFlight | null> {
  const o = await s.send(helloFor(protocol, suites, s.sni, { groups }), { flight: true });
  return o.kind === "hello" ? o.flight : null;
}

export async function probeCompression(
  s: ProbeSession,
  protocol: TlsProtocol,
  suites: number[],
): Promise<boolean | null> {
  const o = await s.send(helloFor(protocol, suites, s.sni, { compression: [1, 0] }));
  return o.kind === "hello" ? o.hello.compression !== 0 : null;
}

/** ALPN is in the ServerHello only up to TLS 1.2; one probe per protocol so each is seen alone. */
export async function probeAlpn(s: ProbeSession, protocol: TlsProtocol, suites: number[]): Promise<string[]> {
  const hits = await Promise.all(
    ALPN_CANDIDATES.map(async (p) => {
      const o = await s.send(helloFor(protocol, suites, s.sni, { alpn: [p] }));
      return o.kind === "hello" && o.hello.alpn === p;
    }),
  );
  return ALPN_CANDIDATES.filter((_, i) => hits[i]);
}
