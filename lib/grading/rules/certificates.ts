import type { Assessment, CertificateFacts } from "@/lib/assessment/types";
import { parseSignatureAlgorithm, type SignatureAlgorithm } from "../signature-algorithm";

export function describeKey(cert: CertificateFacts): string {
  const size = cert.keyBits === null ? "" : ` ${cert.keyBits} bits`;
  const curve = cert.curve ? ` (${cert.curve})` : "";
  return `${cert.keyType}${size}${curve}`;
}

export interface SignedCertificate {
  /** "the server certificate" or "intermediate <subject>". */
  label: string;
  signature: SignatureAlgorithm | null;
}

/**
 * The leaf and every other presented certificate whose signature a client checks. A self-signed root is
 * left out: trust in it comes from the store, not from its signature.
 */
export function signedCertificates(a: Assessment): SignedCertificate[] {
  const out: SignedCertificate[] = [];
  const leaf = a.certificate;
  if (leaf)
    out.push({
      label: "the server certificate",
      signature: parseSignatureAlgorithm(leaf.signatureAlgorithm),
    });
  for (const c of a.chain?.certificates ?? []) {
    if (leaf && c.fingerprintSha256 === leaf.fingerprintSha256) continue;
    if (c.subject === c.issuer) continue;
    out.push({
      label: `intermediate "${c.subject}"`,
      signature: parseSignatureAlgorithm(c.signatureAlgorithm),
    });
  }
  return out;
}
