import { describe, expect, it } from "vitest";
import { chainCert, contextFor, modernAssessment } from "../test-factory";
import { weakSignatureMd5 } from "./weak-signature-md5";

const a = modernAssessment();

describe("weakSignatureMd5", () => {
  it("gives F for an MD5-signed leaf (name or OID)", () => {
    for (const signatureAlgorithm of ["md5WithRSAEncryption", "1.2.840.113549.1.1.4"]) {
      const f = weakSignatureMd5(contextFor({ certificate: { ...a.certificate!, signatureAlgorithm } }));
      expect(f?.effect).toBe("F");
      expect(f?.reason).toContain("MD5 or MD2 signatures (the server certificate)");
    }
  });
  it("gives F for an MD2-signed intermediate", () => {
    const chain = {
      ...a.chain!,
      certificates: [
        a.chain!.certificates[0]!,
        chainCert("CN=Old CA", "CN=Root", "i", "md2WithRSAEncryption"),
      ],
    };
    expect(weakSignatureMd5(contextFor({ chain }))?.reason).toContain('intermediate "CN=Old CA"');
  });
  it("ignores a self-signed MD5 root", () => {
    const chain = {
      ...a.chain!,
      certificates: [...a.chain!.certificates, chainCert("CN=Root", "CN=Root", "r", "md5WithRSAEncryption")],
    };
    expect(weakSignatureMd5(contextFor({ chain }))).toBeNull();
  });
});
