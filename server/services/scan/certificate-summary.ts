import { certificateFacts } from "@/lib/x509/certificate-facts";

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

/** The columns the certificates table keeps for each DER, from the same parser the scan uses. */
export function summariseCertificate(der: Buffer): CertificateSummary {
  const f = certificateFacts(der);
  return {
    fingerprintSha256: f.fingerprintSha256,
    der,
    subject: f.subject,
    issuer: f.issuer,
    serialNumber: f.serialNumber,
    notBefore: f.notBefore,
    notAfter: f.notAfter,
    spkiSha256: f.spkiSha256,
  };
}
