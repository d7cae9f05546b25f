import { describe, expect, it } from "vitest";
import { gradeAssessment } from "./grade";
import { DEFAULT_GRADING_OPTIONS } from "./options";
import { classifySuiteName } from "./suites";
import { contextFor, suite } from "./test-factory";

const classify = (name: string, keyExchange: string | null = null) =>
  classifySuiteName(name, "TLSv1.2", { bits: 128, keyExchange }, DEFAULT_GRADING_OPTIONS);

describe("classifySuiteName", () => {
  it("reads IANA names", () => {
    expect(classify("TLS_RSA_WITH_3DES_EDE_CBC_SHA")).toMatchObject({
      tripleDes: true,
      block64: true,
      bits: 112,
      cbc: true,
      forwardSecrecy: false,
    });
    expect(classify("TLS_ECDHE_RSA_WITH_RC4_128_SHA")).toMatchObject({
      rc4: true,
      cbc: false,
      forwardSecrecy: true,
    });
    expect(classify("TLS_RSA_EXPORT_WITH_DES40_CBC_SHA")).toMatchObject({ export: true, block64: true });
    expect(classify("TLS_NULL_WITH_NULL_NULL")).toMatchObject({ nullCipher: true, bits: 0, aead: false });
    expect(classify("TLS_DH_anon_WITH_AES_256_GCM_SHA384")).toMatchObject({
      anonymous: true,
      forwardSecrecy: false,
      aead: true,
    });
    expect(classify("TLS_AES_128_GCM_SHA256")).toMatchObject({
      aead: true,
      forwardSecrecy: true,
      cbc: false,
    });
    expect(classify("TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8")).toMatchObject({ aead: true });
  });
  it("reads OpenSSL names as a fallback", () => {
    expect(classify("DES-CBC3-SHA")).toMatchObject({ tripleDes: true });
    expect(classify("EXP-RC4-MD5")).toMatchObject({ export: true, rc4: true });
    expect(classify("ADH-AES128-SHA")).toMatchObject({ anonymous: true });
    expect(classify("ECDHE-RSA-AES128-GCM-SHA256")).toMatchObject({ aead: true, forwardSecrecy: true });
    expect(classify("DES-CBC-SHA")).toMatchObject({ block64: true, tripleDes: false });
  });
  it("trusts the probe's key exchange label", () => {
    expect(classify("SOME_FUTURE_SUITE", "ECDHE")?.forwardSecrecy).toBe(true);
    expect(classify("SOME_FUTURE_SUITE", "anon")?.anonymous).toBe(true);
  });
  it("leaves a suite outside the registry (bare hex code, unknown key exchange) out instead of guessing", () => {
    expect(classify("0xFF85", "unknown")).toBeNull();
    const ctx = contextFor({
      cipherSuites: [
        ...contextFor().assessment.cipherSuites,
        { ...suite("x"), name: "0xFF85", keyExchange: "unknown", bits: 0 },
      ],
    });
    expect(ctx.suites.some((s) => s.name === "0xFF85")).toBe(false);
    expect(gradeAssessment(ctx.assessment).grade?.letter).toBe("A+");
  });
  it("scores 3DES from the registry at 112 or, on request, 168 bits", () => {
    const opts168 = { ...DEFAULT_GRADING_OPTIONS, tripleDesBits: 168 as const };
    const known = { bits: 112, keyExchange: "RSA" };
    expect(classifySuiteName("TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLSv1.2", known, opts168)?.bits).toBe(168);
    expect(classifySuiteName("DES-CBC3-SHA", "TLSv1.2", known, DEFAULT_GRADING_OPTIONS)?.bits).toBe(112);
  });
});
