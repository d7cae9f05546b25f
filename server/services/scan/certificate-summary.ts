import { createHash, X509Certificate } from "node:crypto";

export interface CertificateSummary {
  fingerprintSha256: string;
  der: Buffer;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  spkiSha256: string;
}

/** The columns the certificates table keeps for each DER (node:crypto: ~8,000/s, fine off the CT path). */
export function summariseCertificate(der: Buffer): CertificateSummary {
  const x = new X509Certificate(der);
  const spki = x.publicKey.export({ type: "spki", format: "der" });
  return {
    fingerprintSha256: createHash("sha256").update(der).digest("hex"),
    der,
    subject: x.subject.replace(/\n/g, ", "),
    issuer: x.issuer.replace(/\n/g, ", "),
    serialNumber: x.serialNumber.toLowerCase(),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    spkiSha256: createHash("sha256").update(spki).digest("base64"),
  };
}
