import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROTOCOL_NAMES, type ProtocolName } from "@/lib/assessment/types";
import { gradeAssessment } from "./grade";
import { type AfLetter, scoreToLetter, worseLetter } from "./letters";
import { mozillaProfile } from "./mozilla";
import { modernAssessment, protocols, simulation, suite } from "./test-factory";

const POOL = [
  "TLS_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
  "TLS_RSA_WITH_RC4_128_SHA",
  "TLS_RSA_WITH_NULL_SHA",
  "TLS_RSA_EXPORT_WITH_RC4_40_MD5",
  "TLS_DH_anon_WITH_AES_128_CBC_SHA",
  "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
];

const arbAssessment = fc
  .record({
    supported: fc.subarray([...PROTOCOL_NAMES], { minLength: 1 }),
    suiteNames: fc.subarray(POOL, { minLength: 1 }),
    keyBits: fc.constantFrom(512, 1024, 2048, 4096),
    dhBits: fc.constantFrom(null, 768, 1024, 2048),
    hsts: fc.constantFrom(null, 0, 15_551_999, 15_552_000),
    trusted: fc.boolean(),
    hostnameMatch: fc.boolean(),
    sims: fc.boolean(),
  })
  .map((r) => {
    const proto = r.supported.at(-1) as ProtocolName;
    const base = modernAssessment();
    return modernAssessment({
      protocols: protocols(...r.supported),
      cipherSuites: r.supported.flatMap((p) => r.suiteNames.map((n) => suite(n, p))),
      certificate: { ...base.certificate!, keyBits: r.keyBits },
      keyExchange: { groups: ["X25519"], dhBits: r.dhBits },
      hsts: r.hsts === null ? null : { maxAge: r.hsts, includeSubDomains: false, preload: false },
      chain: { ...base.chain!, trusted: r.trusted, hostnameMatch: r.hostnameMatch },
      clientSimulations: r.sims ? [simulation("Chrome", proto, r.suiteNames[0]!)] : [],
    });
  });

describe("gradeAssessment invariants", () => {
  it("always grades complete facts, never above the score letter, with consistent reasons", () => {
    fc.assert(
      fc.property(arbAssessment, (a) => {
        const { grade, unavailableReason } = gradeAssessment(a);
        expect(unavailableReason).toBeNull();
        const g = grade!;
        expect(["T", "M"]).not.toContain(g.ignoringTrust);
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.score).toBeLessThanOrEqual(100);
        const fromScore = scoreToLetter(g.score);
        const trustIgnored = g.ignoringTrust as AfLetter;
        if (trustIgnored !== "A+") expect(worseLetter(trustIgnored, fromScore)).toBe(trustIgnored);
        if (g.ignoringTrust === "A+")
          expect(g.caps.filter((c) => c.grade !== "T" && c.grade !== "M")).toEqual([]);
        if (g.letter === "T") expect(g.caps.some((c) => c.grade === "T")).toBe(true);
        if (g.ignoringTrust === "F") expect(g.letter).toBe("F");
        expect(mozillaProfile(a).reasons.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 300 },
    );
  });
});
