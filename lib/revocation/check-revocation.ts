// Revocation status of a leaf certificate, as RevocationFacts.
//
// Order: the stapled OCSP response (no network); then the CRL, because CAs are retiring OCSP (Let's
// Encrypt shut its responders down on 2025-08-06) and one cached CRL answers for many certificates;
// OCSP only as a fallback when no verified answer exists yet (`preferCrl: false` swaps CRL and OCSP).
// A valid "good" staple still lets the CRL speak, since a staple may be days old; a verified "revoked"
// from any source wins. Unverifiable answers never count: the result is then "unknown" (soft-fail).
import type { RevocationFacts } from "@/lib/assessment/types";
import { isCertwatchError } from "@/lib/errors";
import { extensionFacts } from "@/lib/x509/extensions";
import { ERROR_TTL_MS, expiryFor, RevocationCache } from "./cache";
import { type CertParts, certParts, digest } from "./cert-parts";
import { checkCrl, defaultCrlCache, type LoadedCrl } from "./crl-check";
import type { RevocationFetch } from "./http-fetch";
import { checkOcsp } from "./ocsp-check";
import { type Consulted, decide } from "./policy";
import { checkStaple } from "./staple";
import type { SourceResult } from "./types";

/** At most this many URLs per method are tried (certificates rarely list more than one). */
const MAX_URLS_TRIED = 2;

export interface RevocationCaches {
  ocsp: RevocationCache<SourceResult>;
  crl: RevocationCache<LoadedCrl>;
}

export function createRevocationCaches(maxOcsp = 10_000, maxCrl = 64): RevocationCaches {
  return { ocsp: new RevocationCache(maxOcsp), crl: new RevocationCache(maxCrl) };
}

const defaultCaches: RevocationCaches = { ocsp: new RevocationCache(10_000), crl: defaultCrlCache };

export interface CheckRevocationOptions {
  leafDer: Buffer;
  issuerDer: Buffer | null;
  stapleDer?: Buffer | null;
  /** Whether the certificate demands stapling; read from its TLS Feature extension when omitted. */
  mustStaple?: boolean;
  timeoutMs?: number;
  fetch?: RevocationFetch;
  now?: Date;
  /** CRL before OCSP (default true). */
  preferCrl?: boolean;
  /** OCSP by GET when the request is small enough (RFC 5019), else POST. */
  preferGet?: boolean;
  maxCrlBytes?: number;
  /** Null disables caching; defaults to process-wide caches. */
  caches?: RevocationCaches | null;
}

interface Context {
  o: CheckRevocationOptions;
  leaf: CertParts;
  issuer: CertParts;
  now: Date;
  caches: RevocationCaches | null;
}

const httpUrls = (urls: string[]) => urls.filter((u) => /^https?:\/\//i.test(u)).slice(0, MAX_URLS_TRIED);

async function ocspOnce(c: Context, url: string): Promise<SourceResult> {
  const run = () =>
    checkOcsp({
      url,
      leaf: c.leaf,
      issuer: c.issuer,
      now: c.now,
      timeoutMs: c.o.timeoutMs,
      fetch: c.o.fetch,
      preferGet: c.o.preferGet,
    });
  if (!c.caches) return run();
  const key = `ocsp|${url}|${c.leaf.serialHex}|${digest("sha256", c.issuer.keyBits).toString("hex")}`;
  const now = c.now.getTime();
  return c.caches.ocsp.getOrLoad(key, now, async () => {
    const value = await run();
    return { value, expiresAt: value.verified ? expiryFor(value.nextUpdate, now) : now + ERROR_TTL_MS };
  });
}

/** Tries each URL until one gives a verified answer; returns the last attempt. */
async function firstVerified(
  urls: string[],
  attempt: (url: string) => Promise<SourceResult>,
): Promise<{ url: string; result: SourceResult } | null> {
  let last: { url: string; result: SourceResult } | null = null;
  for (const url of urls) {
    last = { url, result: await attempt(url) };
    if (last.result.verified) break;
  }
  return last;
}

function emptyFacts(mustStaple: boolean, stapled: boolean, reason: string): RevocationFacts {
  return {
    status: "unknown",
    method: null,
    reason,
    revokedAt: null,
    stapled,
    stapledStatus: stapled ? "unknown" : null,
    mustStaple,
    ocsp: null,
    crl: null,
  };
}

export async function checkRevocation(o: CheckRevocationOptions): Promise<RevocationFacts> {
  const stapled = (o.stapleDer?.length ?? 0) > 0;
  let leaf: CertParts;
  try {
    leaf = certParts(o.leafDer);
  } catch (err) {
    return emptyFacts(
      o.mustStaple ?? false,
      stapled,
      isCertwatchError(err) ? err.message : "leaf certificate unreadable",
    );
  }
  const ext = extensionFacts(leaf.asn);
  const mustStaple = o.mustStaple ?? ext.mustStaple;
  if (!o.issuerDer) return emptyFacts(mustStaple, stapled, "issuer certificate not available");
  let issuer: CertParts;
  try {
    issuer = certParts(o.issuerDer, "issuer");
  } catch {
    return emptyFacts(mustStaple, stapled, "issuer certificate could not be parsed");
  }
  const c: Context = {
    o,
    leaf,
    issuer,
    now: o.now ?? new Date(),
    caches: o.caches === undefined ? defaultCaches : o.caches,
  };
  return consult(c, ext.crlUrls, ext.ocspUrls, mustStaple, stapled);
}

type Attempt = { url: string; result: SourceResult } | null;

function crlAttempt(c: Context, urls: string[]): Promise<Attempt> {
  const cache = c.caches ? c.caches.crl : null;
  const base = {
    leaf: c.leaf,
    issuer: c.issuer,
    now: c.now,
    timeoutMs: c.o.timeoutMs,
    fetch: c.o.fetch,
    cache,
  };
  return firstVerified(httpUrls(urls), (url) => checkCrl({ ...base, url, maxBytes: c.o.maxCrlBytes }));
}

async function consult(
  c: Context,
  crlUrls: string[],
  ocspUrls: string[],
  mustStaple: boolean,
  stapled: boolean,
) {
  const consulted: Consulted[] = [];
  const notes: string[] = [];
  if (mustStaple && !stapled)
    notes.push("certificate requires OCSP stapling (must-staple) but the server sent no staple");
  const staple = stapled
    ? checkStaple({ stapleDer: c.o.stapleDer!, leaf: c.leaf, issuer: c.issuer, now: c.now })
    : null;
  if (staple) consulted.push({ source: "staple", result: staple });
  // Its error names the staple ("Stapled OCSP response ..."), so it reads well beside any verdict.
  if (staple && !staple.verified && staple.error) notes.push(staple.error);
  const attempts: Record<"crl" | "ocsp", Attempt> = { crl: null, ocsp: null };
  const definitive = (r: SourceResult) => r.verified && r.status !== "unknown";
  for (const method of c.o.preferCrl === false ? (["ocsp", "crl"] as const) : (["crl", "ocsp"] as const)) {
    if (consulted.some((x) => x.result.verified && x.result.status === "revoked")) break;
    if (attempts.crl && definitive(attempts.crl.result)) break;
    if (attempts.ocsp && definitive(attempts.ocsp.result)) break;
    // A verified staple is the responder's own signed answer: asking the responder again adds nothing.
    if (method === "ocsp" && staple?.verified) continue;
    const attempt =
      method === "crl"
        ? await crlAttempt(c, crlUrls)
        : await firstVerified(httpUrls(ocspUrls), (u) => ocspOnce(c, u));
    attempts[method] = attempt;
    if (attempt) consulted.push({ source: method, result: attempt.result });
  }
  const verdict = decide(
    consulted,
    notes,
    "the certificate names no http(s) OCSP responder or CRL distribution point",
  );
  const { crl, ocsp } = attempts;
  return {
    ...verdict,
    stapled,
    stapledStatus: staple ? staple.status : null,
    mustStaple,
    ocsp: ocsp && {
      url: ocsp.url,
      status: ocsp.result.status,
      thisUpdate: ocsp.result.thisUpdate,
      nextUpdate: ocsp.result.nextUpdate,
      error: ocsp.result.error,
    },
    crl: crl && {
      url: crl.url,
      status: crl.result.status,
      nextUpdate: crl.result.nextUpdate,
      error: crl.result.error,
    },
  } satisfies RevocationFacts;
}
