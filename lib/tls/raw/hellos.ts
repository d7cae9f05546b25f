import { randomBytes } from "node:crypto";
import type { ProtocolName } from "@/lib/assessment/types";
import { LEGACY_SUITES, TLS13_SUITES } from "../suites";
import { buildClientHello, type ClientHelloOptions, x25519Share } from "./client-hello";
import { EC_GROUPS, FFDHE_GROUPS, HYBRID_GROUPS, VERSION_CODES } from "./constants";

export type TlsProtocol = Exclude<ProtocolName, "SSLv2">;

/** Candidate suites per protocol: TLS 1.3 suites for 1.3, TLS 1.2-only suites left out below 1.2. */
export function candidateSuites(protocol: TlsProtocol): number[] {
  if (protocol === "TLSv1.3") return TLS13_SUITES.map((s) => s.code);
  const list = protocol === "TLSv1.2" ? LEGACY_SUITES : LEGACY_SUITES.filter((s) => !s.tls12Only);
  // Likely picks first, so the first chunk usually answers whether the protocol is there at all.
  const rank = (s: (typeof LEGACY_SUITES)[number]) =>
    (s.forwardSecrecy ? 0 : 2) + (s.keyExchange === "RSA" ? 0 : 1) + (s.authentication === "PSK" ? 4 : 0);
  return [...list].sort((a, b) => rank(a) - rank(b)).map((s) => s.code);
}

/** Split into near-equal chunks of at most `max` suites (testssl: ≤ 128 per hello). */
export function chunk<T>(items: readonly T[], max = 128): T[][] {
  const n = Math.max(1, Math.ceil(items.length / max));
  const size = Math.ceil(items.length / n);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface HelloTweaks {
  groups?: readonly number[];
  keyShares?: ClientHelloOptions["keyShares"];
  compression?: readonly number[];
  alpn?: readonly string[];
}

/**
 * A probe hello for one protocol. TLS ≤ 1.2 hellos leave the ffdhe groups out: RFC 7919 servers (GnuTLS)
 * would otherwise use a named group instead of their configured DH parameters, hiding weak DH.
 */
export function helloFor(
  protocol: TlsProtocol,
  suites: readonly number[],
  sni: string | null,
  t: HelloTweaks = {},
): Buffer {
  if (protocol === "TLSv1.3") {
    return buildClientHello({
      version: 0x0303,
      suites,
      serverName: sni,
      groups: t.groups ?? [...EC_GROUPS, ...FFDHE_GROUPS, ...HYBRID_GROUPS],
      supportedVersions: [0x0304],
      keyShares: t.keyShares ?? [x25519Share()],
      sessionId: randomBytes(32),
      alpn: t.alpn,
      padding: true,
    });
  }
  return buildClientHello({
    version: VERSION_CODES[protocol],
    suites,
    serverName: sni,
    groups: t.groups ?? EC_GROUPS,
    compression: t.compression,
    alpn: t.alpn,
    padding: true,
  });
}
