import { describe, expect, it } from "vitest";
import { decisiveReason } from "./decisive-reason";
import { gradeAssessment } from "./grade";
import {
  modernAssessment,
  protocols,
  revokedStatus,
  simulations,
  suite,
  suites,
  TLS12_MODERN_SUITES,
} from "./test-factory";

const chain = modernAssessment().chain!;
const selfSigned = {
  ...chain,
  trusted: false,
  trustError: "SELF_SIGNED: The certificate (CN=example.test) is self-signed and not trusted",
};
const hsts = (maxAge: number) => ({ maxAge, includeSubDomains: true, preload: false });

describe("gradeAssessment precedence", () => {
  it("F beats T: an untrusted server with SSL 2.0 is F, trust-ignored F too", () => {
    const { grade } = gradeAssessment(
      modernAssessment({ chain: selfSigned, protocols: protocols("SSLv2", "TLSv1.2", "TLSv1.3") }),
    );
    expect(grade?.letter).toBe("F");
    expect(grade?.ignoringTrust).toBe("F");
    expect(grade?.caps.map((c) => c.grade)).toEqual(["F", "T"]);
  });
  it("revoked beats self-signed (F over T) but the trust-ignored grade keeps the configuration's letter", () => {
    const { grade } = gradeAssessment(modernAssessment({ chain: selfSigned, revocation: revokedStatus() }));
    expect(grade?.letter).toBe("F");
    expect(grade?.ignoringTrust).toBe("A+");
    expect(decisiveReason(grade!)).toContain("revoked");
  });
  it("T beats M when the certificate is both untrusted and for another name", () => {
    const { grade } = gradeAssessment(modernAssessment({ chain: { ...selfSigned, hostnameMatch: false } }));
    expect(grade?.letter).toBe("T");
    expect(grade?.caps.map((c) => c.grade)).toContain("M");
  });
  it("a score-only F (no F rule) still beats T", () => {
    const { grade } = gradeAssessment(
      modernAssessment({ chain: selfSigned, cipherSuites: [suite("TLS_DH_anon_WITH_AES_128_GCM_SHA256")] }),
    );
    expect(grade?.letter).toBe("F");
  });
  it("a trust-ignored grade reaches A+ when only trust is wrong", () => {
    expect(gradeAssessment(modernAssessment({ chain: selfSigned })).grade?.ignoringTrust).toBe("A+");
  });
});

describe("gradeAssessment A+ and warnings", () => {
  it("gives A+ at max-age 15552000 and A at 15551999", () => {
    expect(gradeAssessment(modernAssessment({ hsts: hsts(15_552_000) })).grade?.letter).toBe("A+");
    expect(gradeAssessment(modernAssessment({ hsts: hsts(15_551_999) })).grade?.letter).toBe("A");
  });
  it("turns A into A- on any warning, and HSTS max-age=0 is a warning", () => {
    const { grade } = gradeAssessment(modernAssessment({ hsts: hsts(0) }));
    expect(grade?.letter).toBe("A-");
    expect(grade?.warnings).toHaveLength(1);
  });
  it("keeps warnings from lifting or lowering a B", () => {
    const { grade } = gradeAssessment(
      modernAssessment({
        protocols: protocols("TLSv1.1", "TLSv1.2"),
        cipherSuites: suites(TLS12_MODERN_SUITES, "TLSv1.2"),
        clientSimulations: simulations(null, TLS12_MODERN_SUITES[0]!),
        secureRenegotiation: false,
      }),
    );
    expect(grade?.letter).toBe("B");
    expect(grade?.warnings.length).toBe(2);
  });
  it("reports the criteria version and every fix", () => {
    const { grade } = gradeAssessment(modernAssessment({ hsts: null }));
    expect(grade?.criteria).toBe("2009r");
    for (const c of grade!.caps)
      expect(c.fix).toMatch(/nginx: .*\nApache: .*\nCaddy: .*\nHAProxy: .*\nNode: /);
  });
});

describe("gradeAssessment unavailable", () => {
  it("gives no grade when the scan failed", () => {
    const r = gradeAssessment(
      modernAssessment({ error: { code: "CONNECT_TIMEOUT", message: "Connection timed out", hint: null } }),
    );
    expect(r.grade).toBeNull();
    expect(r.unavailableReason).toBe("could not be fully assessed: Connection timed out (CONNECT_TIMEOUT)");
  });
  it("gives no grade when a protocol was not probed", () => {
    const r = gradeAssessment(modernAssessment({ protocols: { ...protocols("TLSv1.2"), "TLSv1.0": null } }));
    expect(r.grade).toBeNull();
    expect(r.unavailableReason).toContain("TLSv1.0");
  });
  it("gives no grade without suites, certificate or chain", () => {
    expect(gradeAssessment(modernAssessment({ cipherSuites: [] })).unavailableReason).toContain(
      "cipher suites",
    );
    expect(gradeAssessment(modernAssessment({ certificate: null })).unavailableReason).toContain(
      "certificate",
    );
    expect(gradeAssessment(modernAssessment({ chain: null })).unavailableReason).toContain("chain");
  });
  it("gives no grade when no protocol was accepted", () => {
    expect(gradeAssessment(modernAssessment({ protocols: protocols() })).unavailableReason).toContain(
      "no SSL/TLS",
    );
  });
});

describe("gradeAssessment options", () => {
  const tripleDesLast = modernAssessment({
    cipherSuites: [...modernAssessment().cipherSuites, suite("TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA")],
  });
  it("scores 3DES as 112 bits by default and 168 on request", () => {
    expect(gradeAssessment(tripleDesLast).grade?.cipherScore).toBe(60);
    expect(gradeAssessment(tripleDesLast, { tripleDesBits: 168 }).grade?.cipherScore).toBe(90);
  });
  it("maps P-256 / X25519 to 100 (testssl) or 90 (NIST)", () => {
    const ecdsa = modernAssessment({
      certificate: { ...modernAssessment().certificate!, keyType: "EC", keyBits: 256, curve: "prime256v1" },
    });
    expect(gradeAssessment(ecdsa).grade?.keyExchangeScore).toBe(100);
    expect(gradeAssessment(ecdsa, { ecStrength: "nist" }).grade?.keyExchangeScore).toBe(90);
  });
});
