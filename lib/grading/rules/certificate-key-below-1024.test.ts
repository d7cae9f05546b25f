import { describe, expect, it } from "vitest";
import { contextFor, modernAssessment } from "../test-factory";
import { certificateKeyBelow1024 } from "./certificate-key-below-1024";

const cert = modernAssessment().certificate!;

describe("certificateKeyBelow1024", () => {
  it("gives F for RSA 512 and RSA 1000", () => {
    for (const keyBits of [512, 1000]) {
      const f = certificateKeyBelow1024(contextFor({ certificate: { ...cert, keyBits } }));
      expect(f?.effect).toBe("F");
      expect(f?.reason).toContain(`RSA ${keyBits} bits`);
    }
  });
  it("leaves RSA 1024 to the B rule", () => {
    expect(certificateKeyBelow1024(contextFor({ certificate: { ...cert, keyBits: 1024 } }))).toBeNull();
  });
  it("judges EC keys by RSA-equivalent strength", () => {
    const ec = (keyBits: number, curve: string | null) => ({
      ...cert,
      keyType: "EC" as const,
      keyBits,
      curve,
    });
    expect(certificateKeyBelow1024(contextFor({ certificate: ec(112, "secp112r1") }))?.effect).toBe("F");
    expect(certificateKeyBelow1024(contextFor({ certificate: ec(256, "P-256") }))).toBeNull();
  });
});
