import { describe, expect, it } from "vitest";
import { cipherStrengthScore, combineScores, protocolScore } from "./scores";
import { curveBits, ecStrengthScore, groupSize, rsaStrengthScore } from "./strength";
import { contextFor, suite } from "./test-factory";

describe("category tables", () => {
  it("protocol: (best + worst) / 2", () => {
    expect(protocolScore(["TLSv1.2", "TLSv1.3"])).toBe(100);
    expect(protocolScore(["TLSv1.0", "TLSv1.2"])).toBe(95);
    expect(protocolScore(["SSLv3", "TLSv1.2"])).toBe(90);
    expect(protocolScore(["SSLv2", "TLSv1.2"])).toBe(50);
  });
  it("cipher strength: 0 / <128 / <256 / ≥256", () => {
    expect([0, 56, 112, 128, 255, 256].map(cipherStrengthScore)).toEqual([0, 20, 20, 80, 80, 100]);
  });
  it("key strength: RSA table and both EC mappings", () => {
    expect([511, 512, 1024, 2048, 4096].map(rsaStrengthScore)).toEqual([20, 40, 80, 90, 100]);
    expect([109, 112, 160, 224, 256].map((b) => ecStrengthScore(b, "testssl"))).toEqual([
      20, 40, 80, 90, 100,
    ]);
    expect([112, 160, 224, 256, 384].map((b) => ecStrengthScore(b, "nist"))).toEqual([40, 80, 90, 90, 100]);
  });
  it("any category at 0 makes the score 0", () => {
    expect(combineScores(100, 0, 100)).toBe(0);
  });
});

describe("group sizes", () => {
  it("knows curve and ffdhe names in their common spellings", () => {
    expect(curveBits("X25519")).toBe(256);
    expect(curveBits("X25519MLKEM768")).toBe(256);
    expect(curveBits("prime256v1")).toBe(256);
    expect(curveBits("secp384r1")).toBe(384);
    expect(curveBits("P-521")).toBe(521);
    expect(curveBits("brainpoolP256r1")).toBe(256);
    expect(groupSize("ffdhe3072")).toEqual({ kind: "dh", bits: 3072 });
    expect(groupSize("nonsense")).toBeNull();
  });
});

describe("key exchange score", () => {
  it("takes the weakest of certificate key, DH and ECDH", () => {
    expect(contextFor().scores.keyExchange).toBe(90);
    expect(
      contextFor({ keyExchange: { groups: ["secp160r1", "X25519"], dhBits: null } }).scores.keyExchange,
    ).toBe(80);
    expect(contextFor({ keyExchange: { groups: ["X25519"], dhBits: 4096 } }).scores.keyExchange).toBe(90);
  });
  it("counts EXPORT key exchange as 40", () => {
    const ctx = contextFor({
      cipherSuites: [...contextFor().assessment.cipherSuites, suite("TLS_RSA_EXPORT_WITH_RC4_40_MD5")],
    });
    expect(ctx.scores.keyExchange).toBe(40);
  });
  it("ignores ECDH groups when no ECDHE suite is offered", () => {
    const ctx = contextFor({
      cipherSuites: [suite("TLS_RSA_WITH_AES_128_GCM_SHA256")],
      keyExchange: { groups: ["secp160r1"], dhBits: null },
    });
    expect(ctx.scores.keyExchange).toBe(90);
  });
});
