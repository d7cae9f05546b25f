import { describe, expect, it } from "vitest";
import { isWeakSignature, signatureAlgorithmName } from "./oids";

describe("signature algorithms", () => {
  it("names OIDs as OpenSSL does and falls back to the dotted OID", () => {
    expect(signatureAlgorithmName("1.2.840.113549.1.1.4")).toBe("md5WithRSAEncryption");
    expect(signatureAlgorithmName("1.2.840.113549.1.1.5")).toBe("sha1WithRSAEncryption");
    expect(signatureAlgorithmName("1.2.840.10045.4.3.2")).toBe("ecdsa-with-SHA256");
    expect(signatureAlgorithmName("1.2.3.4")).toBe("1.2.3.4");
  });

  it.each([
    ["md2WithRSAEncryption", true],
    ["md5WithRSAEncryption", true],
    ["sha1WithRSAEncryption", true],
    ["sha1WithRSA", true],
    ["ecdsa-with-SHA1", true],
    ["dsa-with-SHA1", true],
    ["sha256WithRSAEncryption", false],
    ["ecdsa-with-SHA256", false],
    ["rsassaPss", false],
    ["ED25519", false],
  ])("%s weak: %s", (name, weak) => {
    expect(isWeakSignature(name)).toBe(weak);
  });
});
