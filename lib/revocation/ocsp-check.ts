// Asks an OCSP responder about one certificate (POST, or RFC 5019 GET for small requests) and verifies
// the answer. Network failures, HTTP errors and bad responses all end as "unknown" with the reason.
import { isCertwatchError } from "@/lib/errors";
import type { CertParts } from "./cert-parts";
import { cappedFetch, type FetchResponse, type RevocationFetch } from "./http-fetch";
import { buildOcspRequest, MAX_GET_REQUEST_BYTES, ocspGetUrl } from "./ocsp-request";
import { MAX_OCSP_RESPONSE_BYTES, verifyOcspResponse } from "./ocsp-response";
import { DEFAULT_TIMEOUT_MS, type SourceResult, unknownResult } from "./types";

export interface OcspCheckOptions {
  url: string;
  leaf: CertParts;
  issuer: CertParts;
  now?: Date;
  timeoutMs?: number;
  fetch?: RevocationFetch;
  /** Use GET when the encoded request is under 255 bytes (cacheable by CDNs); POST otherwise. */
  preferGet?: boolean;
  /** Send a nonce; off by default since large responders serve pre-signed answers without one. */
  nonce?: boolean;
}

async function send(o: OcspCheckOptions, der: Buffer): Promise<FetchResponse> {
  const fetch = o.fetch ?? cappedFetch;
  const common = { timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: MAX_OCSP_RESPONSE_BYTES };
  const getUrl = ocspGetUrl(o.url, der);
  const canGet = getUrl.length - o.url.length <= MAX_GET_REQUEST_BYTES;
  const get = () =>
    fetch({ ...common, url: getUrl, method: "GET", headers: { accept: "application/ocsp-response" } });
  if (canGet && o.preferGet) return get();
  const res = await fetch({
    ...common,
    url: o.url,
    method: "POST",
    body: der,
    headers: { "content-type": "application/ocsp-request", accept: "application/ocsp-response" },
  });
  return res.status === 405 && canGet ? get() : res;
}

export async function checkOcsp(o: OcspCheckOptions): Promise<SourceResult> {
  const request = buildOcspRequest({ leaf: o.leaf, issuer: o.issuer, nonce: o.nonce });
  let res: FetchResponse;
  try {
    res = await send(o, request.der);
  } catch (err) {
    return unknownResult(isCertwatchError(err) ? err.message : `OCSP request to ${o.url} failed`);
  }
  if (res.status !== 200) return unknownResult(`OCSP responder ${o.url} returned HTTP ${res.status}`);
  return verifyOcspResponse(res.body, {
    leaf: o.leaf,
    issuer: o.issuer,
    now: o.now ?? new Date(),
    nonce: request.nonce,
  });
}
