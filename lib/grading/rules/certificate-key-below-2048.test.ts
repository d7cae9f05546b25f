import { describe, expect, it } from "vitest";
import { contextFor, modernAssessment } from "../test-factory";
import { certificateKeyBelow2048 } from "./certificate-key-below-2048";

const cert = modernAssessment().certificate!;

describe("certificateKeyBelow2048", () => {
  it("caps RSA 1024 at B", () => {
    const f = certificateKeyBelow2048(contextFor({ certificate: { ...cert, keyBits: 1024 } }));
    expect(f?.effect).toBe("B");
    expect(f?.fix).toContain("ssl_certificate");
  });
  it("stays silent for RSA 2048 and below 1024 (that is the F rule)", () => {
    expect(certificateKeyBelow2048(contextFor())).toBeNull();
    expect(certificateKeyBelow2048(contextFor({ certificate: { ...cert, keyBits: 512 } }))).toBeNull();
  });
  it("caps a 160-bit EC key under the testssl mapping", () => {
    const certificate = { ...cert, keyType: "EC" as const, keyBits: 160, curve: "secp160r1" };
    expect(certificateKeyBelow2048(contextFor({ certificate }))?.effect).toBe("B");
  });
});
