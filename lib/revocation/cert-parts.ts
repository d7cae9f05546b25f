// The exact certificate bytes revocation needs: the serial, the issuer/subject Names as encoded (hashed
// into an OCSP CertID, compared with a CRL's issuer) and the public key BIT STRING (issuerKeyHash).
import { createHash, type KeyObject, type X509Certificate } from "node:crypto";
import type { Certificate } from "@peculiar/asn1-x509";
import { CertwatchError } from "@/lib/errors";
import { parseCertificate } from "@/lib/x509/certificate-facts";
import { readTlv } from "@/lib/x509/der";
import { childrenOf, integerHex, TAG } from "./der-values";

export interface CertParts {
  der: Buffer;
  node: X509Certificate;
  asn: Certificate;
  serialHex: string;
  /** INTEGER content bytes of the serial, as encoded (CertID carries them verbatim). */
  serialRaw: Uint8Array;
  issuerRaw: Uint8Array;
  subjectRaw: Uint8Array;
  /** subjectPublicKey BIT STRING value without the unused-bits byte. */
  keyBits: Uint8Array;
  publicKey: KeyObject;
}

function malformed(what: string): CertwatchError {
  return new CertwatchError(
    "REVOCATION_CERT_MALFORMED",
    `The ${what} certificate's TBS fields could not be read`,
    "The certificate parses as X.509 but not as strict DER; revocation cannot be checked for it.",
  );
}

export function certParts(der: Buffer, what = "leaf"): CertParts {
  const { node, asn } = parseCertificate(der);
  const cert = readTlv(der, 0);
  const tbs = cert?.tag === TAG.sequence ? readTlv(der, cert.start) : null;
  const fields = tbs?.tag === TAG.sequence ? childrenOf(der, tbs, 12) : null;
  if (!fields) throw malformed(what);
  const f = fields[0]?.tag === TAG.context0 ? fields.slice(1) : fields;
  const [serial, , issuer, , subject, spki] = f;
  if (!serial || !issuer || !subject || spki?.tag !== TAG.sequence) throw malformed(what);
  const spkiItems = childrenOf(der, spki, 2);
  const bits = spkiItems?.[1];
  const serialHex = integerHex(der, serial);
  if (bits?.tag !== TAG.bitString || bits.end - bits.start < 2 || serialHex === null) throw malformed(what);
  return {
    der,
    node,
    asn,
    serialHex,
    serialRaw: der.subarray(serial.start, serial.end),
    issuerRaw: der.subarray(issuer.at, issuer.end),
    subjectRaw: der.subarray(subject.at, subject.end),
    keyBits: der.subarray(bits.start + 1, bits.end),
    publicKey: node.publicKey,
  };
}

export const HASH_OIDS: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.4": "sha224",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

export const SHA1_OID = "1.3.14.3.2.26";

export function digest(hash: string, data: Uint8Array): Buffer {
  return createHash(hash).update(data).digest();
}
