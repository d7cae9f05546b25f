import { describe, expect, it } from "vitest";
import type { Assessment } from "@/lib/assessment/types";
import { mozillaProfile } from "./mozilla";
import {
  modernAssessment,
  protocols,
  suite,
  suites,
  TLS12_MODERN_SUITES,
  TLS13_SUITES,
} from "./test-factory";

const base = modernAssessment();
const TWO_YEARS = { maxAge: 63_072_000, includeSubDomains: true, preload: false };
const ecdsaCert = {
  ...base.certificate!,
  keyType: "EC" as const,
  keyBits: 256,
  curve: "prime256v1",
  signatureAlgorithm: "ecdsa-with-SHA256",
};
const OLD_SUITES = [
  ...TLS12_MODERN_SUITES,
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
];
const oldConfig = (overrides: Partial<Assessment> = {}) =>
  modernAssessment({
    protocols: protocols("TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"),
    cipherSuites: [
      ...suites(TLS13_SUITES, "TLSv1.3"),
      ...(["TLSv1.0", "TLSv1.1", "TLSv1.2"] as const).flatMap((p) => suites(OLD_SUITES, p)),
    ],
    serverCipherOrder: true,
    ...overrides,
  });

describe("mozillaProfile levels", () => {
  it("modern: TLS 1.3 only, ECDSA P-256, HSTS 2 years", () => {
    const a = modernAssessment({
      protocols: protocols("TLSv1.3"),
      cipherSuites: suites(TLS13_SUITES, "TLSv1.3"),
      certificate: ecdsaCert,
      hsts: TWO_YEARS,
    });
    expect(mozillaProfile(a)).toEqual({ level: "modern", reasons: [] });
  });
  it("intermediate: TLS 1.2 + 1.3, ECDHE AEAD, RSA 2048; says what modern would need", () => {
    const r = mozillaProfile(base);
    expect(r.level).toBe("intermediate");
    expect(r.reasons[0]).toBe("for modern: turn off TLS 1.2");
    expect(r.reasons.join("\n")).toContain("use an ECDSA certificate, not RSA");
    expect(r.reasons.length).toBeLessThanOrEqual(5);
  });
  it("intermediate accepts 5.8's DHE-RSA AEAD suites with 2048-bit parameters, not with 1024", () => {
    const dhe = [...base.cipherSuites, suite("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")];
    const kx = (dhBits: number) => ({ groups: ["X25519"], dhBits });
    expect(mozillaProfile(modernAssessment({ cipherSuites: dhe, keyExchange: kx(2048) })).level).toBe(
      "intermediate",
    );
    expect(mozillaProfile(modernAssessment({ cipherSuites: dhe, keyExchange: kx(1024) })).level).not.toBe(
      "intermediate",
    );
  });
  it("old: TLS 1.0–1.3 with CBC, static RSA and 3DES, server order enforced", () => {
    const r = mozillaProfile(oldConfig());
    expect(r.level).toBe("old");
    expect(r.reasons[0]).toBe("for intermediate: turn off TLS 1.0 and TLS 1.1");
  });
  it("non-compliant: the old suite list without server cipher order", () => {
    expect(mozillaProfile(oldConfig({ serverCipherOrder: false })).level).toBe("non-compliant");
  });
  it("non-compliant: SSL 3.0 is in no profile but is not 'bad'", () => {
    const r = mozillaProfile(oldConfig({ protocols: protocols("SSLv3", "TLSv1.2") }));
    expect(r.level).toBe("non-compliant");
  });
  it("non-compliant, not bad, for unlisted but sound suites (OpenSSL/Node defaults: CCM, ARIA)", () => {
    const extra = ["TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8", "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384"].map((n) =>
      suite(n),
    );
    const r = mozillaProfile(modernAssessment({ cipherSuites: [...base.cipherSuites, ...extra] }));
    expect(r.level).toBe("non-compliant");
    expect(r.reasons[0]).toContain(
      "for intermediate: remove cipher suites TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8",
    );
  });
  it("non-compliant with the reason when the scan failed", () => {
    const r = mozillaProfile(modernAssessment({ error: { code: "X", message: "refused", hint: null } }));
    expect(r).toEqual({ level: "non-compliant", reasons: ["could not be fully assessed: refused (X)"] });
  });
});

describe("mozillaProfile bad", () => {
  const bad = (overrides: Partial<Assessment>) => mozillaProfile(modernAssessment(overrides));
  it("flags SSL 2.0", () => {
    expect(bad({ protocols: protocols("SSLv2", "TLSv1.2") }).reasons).toContain("turn off SSL 2.0");
  });
  it("flags insecure suites outside the old list (RC4)", () => {
    const r = bad({ cipherSuites: [...base.cipherSuites, suite("TLS_RSA_WITH_RC4_128_SHA")] });
    expect(r.level).toBe("bad");
    expect(r.reasons[0]).toContain("TLS_RSA_WITH_RC4_128_SHA");
  });
  it("flags small keys and parameters and MD5 signatures", () => {
    expect(bad({ certificate: { ...base.certificate!, keyBits: 1024 } }).level).toBe("bad");
    expect(bad({ keyExchange: { groups: ["X25519"], dhBits: 768 } }).level).toBe("bad");
    expect(bad({ keyExchange: { groups: ["secp224r1"], dhBits: null } }).level).toBe("bad");
    expect(
      bad({ certificate: { ...base.certificate!, signatureAlgorithm: "md5WithRSAEncryption" } }).level,
    ).toBe("bad");
  });
});
