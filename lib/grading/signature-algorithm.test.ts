import { describe, expect, it } from "vitest";
import { parseSignatureAlgorithm } from "./signature-algorithm";

describe("parseSignatureAlgorithm", () => {
  it("normalises names, OIDs and Node-style spellings", () => {
    expect(parseSignatureAlgorithm("sha256WithRSAEncryption")?.mozillaName).toBe("sha256WithRSAEncryption");
    expect(parseSignatureAlgorithm("1.2.840.10045.4.3.3")?.mozillaName).toBe("ecdsa-with-SHA384");
    expect(parseSignatureAlgorithm("RSA-SHA1")).toMatchObject({ hash: "sha1", key: "rsa" });
    expect(parseSignatureAlgorithm("ECDSA-SHA256")).toMatchObject({ hash: "sha256", key: "ecdsa" });
    expect(parseSignatureAlgorithm("1.2.840.113549.1.1.4")?.hash).toBe("md5");
    expect(parseSignatureAlgorithm("Ed25519")).toMatchObject({ hash: null, key: "ed25519" });
  });
  it("returns null for nothing or nonsense", () => {
    expect(parseSignatureAlgorithm(null)).toBeNull();
    expect(parseSignatureAlgorithm("whatever")).toBeNull();
  });
});
