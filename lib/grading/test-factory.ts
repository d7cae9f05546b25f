// Builds Assessments for the grading tests: a modern configuration (GRADING.md §4 row 1), then overrides.
import {
  type Assessment,
  type CipherSuiteFacts,
  type ClientSimulation,
  PROTOCOL_NAMES,
  type ProtocolName,
} from "@/lib/assessment/types";
import { suiteByName, toCipherSuiteFacts } from "@/lib/tls/suites";
import { buildRuleContext } from "./context";
import { resolveGradingOptions } from "./options";
import type { GradingOptions, RuleContext } from "./types";

export const ONE_YEAR = 31_536_000;

export function protocols(...supported: ProtocolName[]): Record<ProtocolName, boolean> {
  return Object.fromEntries(PROTOCOL_NAMES.map((p) => [p, supported.includes(p)])) as Record<
    ProtocolName,
    boolean
  >;
}

/** A suite fact exactly as the probe reports it (lib/tls's registry); a name outside it stays unknown. */
export function suite(name: string, protocol: ProtocolName = "TLSv1.2"): CipherSuiteFacts {
  const entry = suiteByName(name);
  if (entry) return { ...toCipherSuiteFacts(protocol, entry.code), name };
  return {
    protocol,
    name,
    code: "0x0000",
    keyExchange: "unknown",
    bits: 0,
    aead: false,
    forwardSecrecy: false,
  };
}

export const TLS13_SUITES = [
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
];
export const TLS12_MODERN_SUITES = [
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
];

export function suites(names: readonly string[], protocol: ProtocolName): CipherSuiteFacts[] {
  return names.map((n) => suite(n, protocol));
}

export function simulation(client: string, protocol: ProtocolName, suiteName: string): ClientSimulation {
  const s = suite(suiteName, protocol);
  return { client, protocol, suite: suiteName, code: s.code, forwardSecrecy: s.forwardSecrecy, aead: s.aead };
}

/** Chrome, Firefox and Safari on TLS 1.3 plus one TLS 1.2-only client, each getting the given suite. */
export function simulations(tls13: string | null, tls12: string): ClientSimulation[] {
  const modern = (client: string) =>
    tls13 ? simulation(client, "TLSv1.3", tls13) : simulation(client, "TLSv1.2", tls12);
  return [
    modern("Chrome"),
    modern("Firefox"),
    modern("Safari"),
    simulation("TLS 1.2 client", "TLSv1.2", tls12),
  ];
}

export function modernAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    target: { host: "example.test", port: 443, ip: "127.0.0.1", sni: "example.test" },
    startedAt: "2026-01-01T00:00:00.000Z",
    durationMs: 100,
    error: null,
    certificate: {
      subject: "CN=example.test",
      commonName: "example.test",
      sans: ["example.test"],
      issuer: "CN=Test Intermediate",
      serialNumber: "01",
      notBefore: "2025-12-01T00:00:00.000Z",
      notAfter: "2026-03-01T00:00:00.000Z",
      daysRemaining: 59,
      fingerprintSha256: "leaf",
      spkiSha256: "leaf-spki",
      keyType: "RSA",
      keyBits: 2048,
      curve: null,
      signatureAlgorithm: "sha256WithRSAEncryption",
      selfSigned: false,
      serverAuthEku: true,
      ocspUrls: [],
      crlUrls: [],
      caIssuersUrls: [],
      sctCount: 2,
      mustStaple: false,
    },
    chain: {
      certificates: [
        chainCert("CN=example.test", "CN=Test Intermediate", "leaf"),
        chainCert("CN=Test Intermediate", "CN=Test Root", "intermediate"),
      ],
      complete: true,
      trusted: true,
      trustError: null,
      hostnameMatch: true,
      earliestExpiry: "2026-03-01T00:00:00.000Z",
    },
    protocols: protocols("TLSv1.2", "TLSv1.3"),
    cipherSuites: [...suites(TLS13_SUITES, "TLSv1.3"), ...suites(TLS12_MODERN_SUITES, "TLSv1.2")],
    serverCipherOrder: false,
    forwardSecrecy: "all",
    aead: "all",
    keyExchange: { groups: ["X25519", "P-256", "P-384"], dhBits: null },
    secureRenegotiation: true,
    compression: false,
    alpn: ["h2", "http/1.1"],
    clientCertRequested: false,
    hsts: { maxAge: ONE_YEAR, includeSubDomains: false, preload: false },
    httpHeaders: null,
    negotiated: { protocol: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256" },
    clientSimulations: simulations("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
    revocation: null,
    grade: null,
    gradeUnavailableReason: null,
    mozillaProfile: null,
    chainDer: [],
    ...overrides,
  };
}

export function chainCert(
  subject: string,
  issuer: string,
  fingerprint: string,
  signatureAlgorithm = "sha256WithRSAEncryption",
) {
  return {
    subject,
    issuer,
    notAfter: "2027-01-01T00:00:00.000Z",
    fingerprintSha256: fingerprint,
    signatureAlgorithm,
    keyBits: 2048,
  };
}

/** The rule context for a modern assessment with overrides, as grade.ts would build it. */
export function contextFor(overrides: Partial<Assessment> = {}, opts?: GradingOptions): RuleContext {
  return buildRuleContext(modernAssessment(overrides), resolveGradingOptions(opts));
}

export function revokedStatus(reason: string | null = "keyCompromise"): Assessment["revocation"] {
  return {
    status: "revoked",
    method: "ocsp",
    reason,
    revokedAt: "2026-01-01T00:00:00.000Z",
    stapled: false,
    stapledStatus: null,
    mustStaple: false,
    ocsp: null,
    crl: null,
  };
}
