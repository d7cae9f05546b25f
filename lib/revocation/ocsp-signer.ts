// Who may sign an OCSP answer (RFC 6960 §4.2.2.2): the issuing CA itself, or a responder certificate
// included in the response that the CA issued with the id-kp-OCSPSigning EKU.
import { type KeyObject, X509Certificate } from "node:crypto";
import { id_kp_OCSPSigning } from "@peculiar/asn1-ocsp";
import { readTlv } from "@/lib/x509/der";
import type { CertParts } from "./cert-parts";
import { childrenOf, TAG } from "./der-values";

const MAX_RESPONDER_CERTS = 8;

export interface ResponderCert {
  key: KeyObject;
  /** Null when the CA authorised this certificate to sign OCSP answers; otherwise why not. */
  unauthorized: string | null;
}

/** Certificates in BasicOCSPResponse.certs ([0] EXPLICIT SEQUENCE OF Certificate), as encoded. */
function includedCertificates(basic: Uint8Array): Uint8Array[] {
  const seq = readTlv(basic, 0);
  const fields = seq?.tag === TAG.sequence ? childrenOf(basic, seq, 4) : null;
  const wrapper = fields?.[3];
  if (wrapper?.tag !== TAG.context0) return [];
  const list = readTlv(basic, wrapper.start);
  const certs = list?.tag === TAG.sequence ? childrenOf(basic, list, MAX_RESPONDER_CERTS) : null;
  return (certs ?? []).map((c) => basic.subarray(c.at, c.end));
}

function whyUnauthorized(cert: X509Certificate, issuer: CertParts, now: Date): string | null {
  if (!cert.checkIssued(issuer.node) || !cert.verify(issuer.publicKey)) {
    return "the responder certificate was not issued by the certificate's issuer";
  }
  if (!(cert.keyUsage ?? []).includes(id_kp_OCSPSigning)) {
    return "the responder certificate lacks the OCSPSigning extended key usage";
  }
  const from = Date.parse(cert.validFrom);
  const to = Date.parse(cert.validTo);
  if (!(from <= now.getTime() && now.getTime() <= to)) {
    return `the responder certificate is not valid now (valid ${cert.validFrom} to ${cert.validTo})`;
  }
  return null;
}

export function responderCertificates(basic: Uint8Array, issuer: CertParts, now: Date): ResponderCert[] {
  const out: ResponderCert[] = [];
  for (const der of includedCertificates(basic)) {
    try {
      const cert = new X509Certificate(der);
      out.push({ key: cert.publicKey, unauthorized: whyUnauthorized(cert, issuer, now) });
    } catch {
      // An included certificate we cannot parse cannot have signed anything we accept.
    }
  }
  return out;
}
