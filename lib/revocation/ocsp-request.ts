// Builds an RFC 6960 OCSPRequest for one (certificate, issuer) pair, and its GET form (appendix A.1).
import { randomBytes } from "node:crypto";
import { CertID, id_pkix_ocsp_nonce, OCSPRequest, Request, TBSRequest } from "@peculiar/asn1-ocsp";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier, Extension } from "@peculiar/asn1-x509";
import { CertwatchError } from "@/lib/errors";
import { type CertParts, digest, HASH_OIDS, SHA1_OID } from "./cert-parts";

/** RFC 5019: requests under 255 bytes may use GET, which CDNs can cache. */
export const MAX_GET_REQUEST_BYTES = 255;

export interface BuiltOcspRequest {
  der: Buffer;
  certId: CertID;
  nonce: Buffer | null;
}

export interface OcspRequestOptions {
  leaf: CertParts;
  issuer: CertParts;
  /** Hash for issuerNameHash/issuerKeyHash; SHA-1 is what responders universally index by. */
  hashOid?: string;
  /** Add a random 32-byte nonce (RFC 8954); most large responders ignore it and serve pre-signed answers. */
  nonce?: boolean;
}

export function buildCertId(leaf: CertParts, issuer: CertParts, hashOid = SHA1_OID): CertID {
  const hash = HASH_OIDS[hashOid];
  if (!hash)
    throw new CertwatchError(
      "REVOCATION_BAD_HASH",
      `CertID hash ${hashOid} is not supported`,
      "Use SHA-1 (the default) or SHA-256.",
    );
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: hashOid, parameters: null }),
    issuerNameHash: new OctetString(digest(hash, issuer.subjectRaw)),
    issuerKeyHash: new OctetString(digest(hash, issuer.keyBits)),
    serialNumber: Uint8Array.from(leaf.serialRaw).buffer,
  });
}

export function buildOcspRequest(o: OcspRequestOptions): BuiltOcspRequest {
  const certId = buildCertId(o.leaf, o.issuer, o.hashOid);
  const nonce = o.nonce ? randomBytes(32) : null;
  const tbsRequest = new TBSRequest({ requestList: [new Request({ reqCert: certId })] });
  if (nonce) {
    const value = AsnConvert.serialize(new OctetString(nonce));
    tbsRequest.requestExtensions = [
      new Extension({ extnID: id_pkix_ocsp_nonce, critical: false, extnValue: new OctetString(value) }),
    ];
  }
  const der = Buffer.from(AsnConvert.serialize(new OCSPRequest({ tbsRequest })));
  return { der, certId, nonce };
}

/** RFC 6960 A.1: GET {url}/{url-encoding of base64 of the DER}. */
export function ocspGetUrl(responderUrl: string, der: Uint8Array): string {
  const encoded = encodeURIComponent(Buffer.from(der).toString("base64"));
  return responderUrl.endsWith("/") ? `${responderUrl}${encoded}` : `${responderUrl}/${encoded}`;
}
