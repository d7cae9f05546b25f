import { describe, expect, it } from "vitest";
import { chainCert, contextFor, modernAssessment } from "../test-factory";
import { sha1InChain } from "./sha1-in-chain";

const a = modernAssessment();
const withIntermediate = (sig: string) => ({
  ...a.chain!,
  certificates: [a.chain!.certificates[0]!, chainCert("CN=Test Intermediate", "CN=Test Root", "i", sig)],
});

describe("sha1InChain", () => {
  it("sets T for a SHA-1 intermediate", () => {
    const f = sha1InChain(contextFor({ chain: withIntermediate("sha1WithRSAEncryption") }));
    expect(f?.effect).toBe("T");
    expect(f?.reason).toContain("SHA-1");
  });
  it("sets T for a SHA-1 ECDSA leaf", () => {
    const certificate = { ...a.certificate!, signatureAlgorithm: "ecdsa-with-SHA1" };
    expect(sha1InChain(contextFor({ certificate }))?.effect).toBe("T");
  });
  it("ignores a self-signed SHA-1 root", () => {
    const chain = {
      ...a.chain!,
      certificates: [
        ...a.chain!.certificates,
        chainCert("CN=Test Root", "CN=Test Root", "r", "sha1WithRSAEncryption"),
      ],
    };
    expect(sha1InChain(contextFor({ chain }))).toBeNull();
  });
  it("does not mistake SHA-256 or SHA-512 for SHA-1", () => {
    expect(sha1InChain(contextFor({ chain: withIntermediate("sha512WithRSAEncryption") }))).toBeNull();
    expect(sha1InChain(contextFor())).toBeNull();
  });
});
