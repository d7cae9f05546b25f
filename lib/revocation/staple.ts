// A stapled OCSP response (the TLS 'OCSPResponse' event) verified exactly like a fetched one, offline.
import { type CertParts, certParts } from "./cert-parts";
import { verifyOcspResponse } from "./ocsp-response";
import { type SourceResult, unknownResult } from "./types";

export interface StapleOptions {
  stapleDer: Buffer;
  leaf: CertParts | Buffer;
  issuer: CertParts | Buffer;
  now?: Date;
}

export function checkStaple(o: StapleOptions): SourceResult {
  if (o.stapleDer.length === 0) return unknownResult("Stapled OCSP response is empty");
  const leaf = Buffer.isBuffer(o.leaf) ? certParts(o.leaf) : o.leaf;
  const issuer = Buffer.isBuffer(o.issuer) ? certParts(o.issuer, "issuer") : o.issuer;
  return verifyOcspResponse(o.stapleDer, {
    leaf,
    issuer,
    now: o.now ?? new Date(),
    label: "Stapled OCSP response",
  });
}
