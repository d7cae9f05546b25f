// Parses and verifies an OCSPResponse (from a responder or a TLS staple) for one certificate. Every
// failure becomes status "unknown" with the precise reason: an unverified answer never says "revoked".
import {
  BasicOCSPResponse,
  type CertID,
  id_pkix_ocsp_basic,
  id_pkix_ocsp_nonce,
  OCSPResponse,
  OCSPResponseStatus,
  type SingleResponse,
} from "@peculiar/asn1-ocsp";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { BER_LIMITS } from "@/lib/x509/der";
import { type CertParts, digest, HASH_OIDS } from "./cert-parts";
import { normalizeSerialHex } from "./der-values";
import { responderCertificates } from "./ocsp-signer";
import { verifySignature } from "./signature";
import { freshnessError, reasonName, type SourceResult, unknownResult, verifiedResult } from "./types";

export const MAX_OCSP_RESPONSE_BYTES = 256 * 1024;

export interface OcspVerifyContext {
  leaf: CertParts;
  issuer: CertParts;
  now: Date;
  /** The nonce we sent; a response that echoes a different one is rejected. */
  nonce?: Buffer | null;
  /** "OCSP response" or "Stapled OCSP response", for messages. */
  label?: string;
}

const hexOf = (b: ArrayBuffer | Uint8Array) => Buffer.from(b as ArrayBuffer).toString("hex");

export function certIdMatches(id: CertID, leaf: CertParts, issuer: CertParts): boolean {
  const hash = HASH_OIDS[id.hashAlgorithm.algorithm];
  if (!hash) return false;
  return (
    normalizeSerialHex(hexOf(id.serialNumber)) === leaf.serialHex &&
    hexOf(id.issuerNameHash.buffer) === digest(hash, issuer.subjectRaw).toString("hex") &&
    hexOf(id.issuerKeyHash.buffer) === digest(hash, issuer.keyBits).toString("hex")
  );
}

function parseBasic(der: Uint8Array, label: string): { basic: BasicOCSPResponse; raw: Uint8Array } | string {
  if (der.length > MAX_OCSP_RESPONSE_BYTES) return `${label} is ${der.length} bytes; the limit is 256 KB`;
  let outer: OCSPResponse;
  try {
    outer = AsnConvert.parse(der, OCSPResponse, BER_LIMITS);
  } catch {
    return `${label} is not a valid OCSPResponse (DER does not parse)`;
  }
  if (outer.responseStatus !== OCSPResponseStatus.successful) {
    const name = OCSPResponseStatus[outer.responseStatus] ?? `status ${outer.responseStatus}`;
    return `OCSP responder answered "${name}" instead of a response`;
  }
  if (outer.responseBytes?.responseType !== id_pkix_ocsp_basic)
    return `${label} is not a basic OCSP response`;
  const raw = new Uint8Array(outer.responseBytes.response.buffer);
  try {
    return { basic: AsnConvert.parse(raw, BasicOCSPResponse, BER_LIMITS), raw };
  } catch {
    return `${label} carries a BasicOCSPResponse that does not parse`;
  }
}

/** Null when the issuer or an authorised delegate signed tbsResponseData; otherwise why not. */
function signatureError(basic: BasicOCSPResponse, raw: Uint8Array, ctx: OcspVerifyContext, label: string) {
  const tbs = basic.tbsResponseDataRaw ? new Uint8Array(basic.tbsResponseDataRaw) : null;
  if (!tbs) return `${label} has no signed data`;
  const alg = {
    oid: basic.signatureAlgorithm.algorithm,
    params: basic.signatureAlgorithm.parameters ? new Uint8Array(basic.signatureAlgorithm.parameters) : null,
  };
  const sig = new Uint8Array(basic.signature);
  if (verifySignature(alg, tbs, sig, ctx.issuer.publicKey)) return null;
  const delegates = responderCertificates(raw, ctx.issuer, ctx.now);
  const signer = delegates.find((d) => verifySignature(alg, tbs, sig, d.key));
  if (!signer)
    return `${label} signature does not verify with the issuer's key or an included responder certificate`;
  return signer.unauthorized
    ? `${label} is signed by an unauthorised responder: ${signer.unauthorized}`
    : null;
}

function nonceError(basic: BasicOCSPResponse, sent: Buffer | null | undefined, label: string): string | null {
  const ext = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === id_pkix_ocsp_nonce);
  if (!sent || !ext) return null;
  const value = new Uint8Array(ext.extnValue.buffer);
  let echoed: Buffer;
  try {
    echoed = Buffer.from(AsnConvert.parse(value, OctetString).buffer);
  } catch {
    echoed = Buffer.from(value); // RFC 6960 predecessors put the raw nonce in extnValue.
  }
  return echoed.equals(sent) ? null : `${label} nonce does not match the request (a replayed answer?)`;
}

function statusOf(
  single: SingleResponse,
  times: Pick<SourceResult, "thisUpdate" | "nextUpdate">,
): SourceResult {
  if (single.certStatus.good !== undefined) return verifiedResult("good", times);
  const revoked = single.certStatus.revoked;
  if (revoked) {
    return verifiedResult("revoked", times, {
      revokedAt: revoked.revocationTime.toISOString(),
      revocationReason: reasonName(revoked.revocationReason?.reason),
    });
  }
  return verifiedResult("unknown", times, {
    error: "OCSP responder does not know this certificate (status unknown)",
  });
}

export function verifyOcspResponse(der: Uint8Array, ctx: OcspVerifyContext): SourceResult {
  const label = ctx.label ?? "OCSP response";
  try {
    return verifyParsed(der, ctx, label);
  } catch {
    // A schema-valid response with out-of-range values (an invalid date): still someone else's bad bytes.
    return unknownResult(`${label} contains values that cannot be read`);
  }
}

function verifyParsed(der: Uint8Array, ctx: OcspVerifyContext, label: string): SourceResult {
  const parsed = parseBasic(der, label);
  if (typeof parsed === "string") return unknownResult(parsed);
  const { basic, raw } = parsed;
  const single = basic.tbsResponseData.responses.find((r) => certIdMatches(r.certID, ctx.leaf, ctx.issuer));
  const times = {
    thisUpdate: single?.thisUpdate.toISOString() ?? null,
    nextUpdate: single?.nextUpdate?.toISOString() ?? null,
  };
  const error =
    signatureError(basic, raw, ctx, label) ??
    (single ? null : `${label} does not cover this certificate (no matching CertID)`) ??
    nonceError(basic, ctx.nonce, label) ??
    freshnessError(label, single!.thisUpdate, single!.nextUpdate ?? null, ctx.now);
  return error ? unknownResult(error, times) : statusOf(single!, times);
}
