import { describe, expect, it } from "vitest";
import { contextFor, suite } from "../test-factory";
import { cipherBelow112Bits } from "./cipher-below-112-bits";

const base = contextFor().assessment.cipherSuites;

describe("cipherBelow112Bits", () => {
  it("gives F for single DES (56 bits)", () => {
    const f = cipherBelow112Bits(contextFor({ cipherSuites: [...base, suite("TLS_RSA_WITH_DES_CBC_SHA")] }));
    expect(f?.effect).toBe("F");
    expect(f?.reason).toContain("TLS_RSA_WITH_DES_CBC_SHA, 56 bits");
  });
  it("does not count 3DES (112 bits) or leave NULL / EXPORT to this rule", () => {
    const ctx = contextFor({
      cipherSuites: [
        ...base,
        suite("TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
        suite("TLS_RSA_WITH_NULL_SHA"),
        suite("TLS_RSA_EXPORT_WITH_RC4_40_MD5"),
      ],
    });
    expect(cipherBelow112Bits(ctx)).toBeNull();
  });
  it("stays silent for a modern server", () => {
    expect(cipherBelow112Bits(contextFor())).toBeNull();
  });
});
