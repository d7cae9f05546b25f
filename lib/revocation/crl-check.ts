// Checks a certificate against its issuer's CRL: download (capped, DER or PEM), verify the CA's
// signature once, then look the serial up in the indexed entries. The verified CRL is cached per URL.
import { isCertwatchError } from "@/lib/errors";
import { ERROR_TTL_MS, expiryFor, type Loaded, RevocationCache } from "./cache";
import { type CertParts, digest } from "./cert-parts";
import { type ParsedCrl, parseCrl, readCrlEntry } from "./crl-parse";
import { cappedFetch, type RevocationFetch } from "./http-fetch";
import { verifySignature } from "./signature";
import {
  DEFAULT_TIMEOUT_MS,
  freshnessError,
  reasonName,
  type SourceResult,
  unknownResult,
  verifiedResult,
} from "./types";

export const DEFAULT_MAX_CRL_BYTES = 20 * 1024 * 1024;

/** A downloaded CRL after signature verification; `error` says why it cannot be used. */
export type LoadedCrl = { crl: ParsedCrl; error: null } | { crl: null; error: string };

export interface CrlCheckOptions {
  url: string;
  leaf: CertParts;
  issuer: CertParts;
  now?: Date;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: RevocationFetch;
  /** Null disables caching. */
  cache?: RevocationCache<LoadedCrl> | null;
  maxTtlMs?: number;
}

export const defaultCrlCache = new RevocationCache<LoadedCrl>(64);

const PEM = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/;

function decodeBody(body: Buffer): Buffer {
  if (body[0] !== 0x2d) return body; // DER starts with 0x30; PEM with "-----"
  const m = PEM.exec(body.toString("latin1"));
  return m ? Buffer.from(m[1]!.replace(/\s+/g, ""), "base64") : body;
}

function verifyCrl(crl: ParsedCrl, issuer: CertParts): string | null {
  if (!Buffer.from(crl.issuerRaw).equals(issuer.subjectRaw))
    return "CRL issuer does not match the certificate's issuer";
  if (!crl.algorithmsMatch) return "CRL signature algorithm fields disagree";
  if (!verifySignature(crl.signatureAlgorithm, crl.tbsRaw, crl.signature, issuer.publicKey)) {
    return "CRL signature does not verify with the issuer's key";
  }
  return crl.unsupported;
}

async function loadCrl(o: CrlCheckOptions): Promise<Loaded<LoadedCrl>> {
  const now = (o.now ?? new Date()).getTime();
  const failed = (error: string): Loaded<LoadedCrl> => ({
    value: { crl: null, error },
    expiresAt: now + ERROR_TTL_MS,
  });
  try {
    const res = await (o.fetch ?? cappedFetch)({
      url: o.url,
      method: "GET",
      timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: o.maxBytes ?? DEFAULT_MAX_CRL_BYTES,
    });
    if (res.status !== 200) return failed(`CRL ${o.url} returned HTTP ${res.status}`);
    const crl = parseCrl(decodeBody(res.body));
    const error = verifyCrl(crl, o.issuer);
    if (error) return failed(error);
    return { value: { crl, error: null }, expiresAt: expiryFor(crl.nextUpdate, now, o.maxTtlMs) };
  } catch (err) {
    return failed(isCertwatchError(err) ? err.message : `CRL ${o.url} could not be read`);
  }
}

export function lookupSerial(crl: ParsedCrl, leaf: CertParts, now: Date): SourceResult {
  const times = {
    thisUpdate: crl.thisUpdate.toISOString(),
    nextUpdate: crl.nextUpdate?.toISOString() ?? null,
  };
  const stale = freshnessError("CRL", crl.thisUpdate, crl.nextUpdate, now);
  if (stale) return unknownResult(stale, times);
  const offset = crl.entries.get(leaf.serialHex);
  if (offset === undefined) return verifiedResult("good", times);
  const entry = readCrlEntry(crl, offset);
  if (entry.unsupported) return unknownResult(entry.unsupported, times);
  if (entry.reasonCode === 8) return verifiedResult("good", times); // removeFromCRL: un-held
  return verifiedResult("revoked", times, {
    revokedAt: entry.revokedAt?.toISOString() ?? null,
    revocationReason: reasonName(entry.reasonCode),
  });
}

export async function checkCrl(o: CrlCheckOptions): Promise<SourceResult> {
  const now = o.now ?? new Date();
  const cache = o.cache === undefined ? defaultCrlCache : o.cache;
  const key = `crl|${o.url}|${digest("sha256", o.issuer.keyBits).toString("hex")}`;
  const loaded = cache
    ? await cache.getOrLoad(key, now.getTime(), () => loadCrl(o))
    : (await loadCrl(o)).value;
  return loaded.crl ? lookupSerial(loaded.crl, o.leaf, now) : unknownResult(loaded.error);
}
