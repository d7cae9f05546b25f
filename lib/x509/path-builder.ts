// Builds the certification path a client would: leaf → presented intermediates (in any order) → an anchor,
// fetching a missing issuer from the caIssuers URL when allowed. Signatures are checked, OpenSSL's security
// levels are not (RSA-1024 and SHA-1 still chain; grading caps them).
import { X509Certificate } from "node:crypto";
import { decodeIssuerCertificates } from "@/lib/x509/aia-issuers";
import type { AnchorSet, AnchorSource } from "@/lib/x509/trust-store";

export type PathSource = "presented" | "aia" | "store";
export type PathProblem =
  | "SELF_SIGNED"
  | "UNTRUSTED_ROOT"
  | "UNKNOWN_ISSUER"
  | "INCOMPLETE_CHAIN"
  | "BAD_SIGNATURE";

export interface PathElement {
  cert: X509Certificate;
  der: Buffer;
  source: PathSource;
  /** Index in the presented chain, for presented elements. */
  index: number | null;
}

export interface BuiltPath {
  elements: PathElement[];
  anchor: AnchorSource | null;
  problem: PathProblem | null;
  aiaFetched: string[];
}

export interface PathInput {
  presented: { cert: X509Certificate; der: Buffer }[];
  anchors: AnchorSet;
  caIssuersOf: (cert: X509Certificate) => string[];
  fetchIssuer?: ((url: string) => Promise<Buffer | null>) | null;
  maxFetches?: number;
}

const MAX_DEPTH = 12;

function signedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

const namedBy = (child: X509Certificate, parent: X509Certificate) => child.issuer === parent.subject;

export async function buildPath(input: PathInput): Promise<BuiltPath> {
  const leaf = input.presented[0]!;
  const elements: PathElement[] = [{ ...leaf, source: "presented", index: 0 }];
  const used = new Set([0]);
  const aiaFetched: string[] = [];
  const done = (anchor: AnchorSource | null, problem: PathProblem | null): BuiltPath => ({
    elements,
    anchor,
    problem,
    aiaFetched,
  });
  while (elements.length <= MAX_DEPTH) {
    const cur = elements.at(-1)!;
    const pinned = input.anchors.find(cur.der);
    if (pinned) return done(pinned.source, null);
    const anchor = input.anchors.candidatesFor(cur.cert).find((a) => signedBy(cur.cert, a.cert));
    if (anchor) {
      // A root the server also sent counts as presented (it matters for earliestExpiry and "extra certs").
      const sent = input.presented.findIndex((p, n) => !used.has(n) && p.der.equals(anchor.der));
      if (sent >= 0) used.add(sent);
      elements.push({
        cert: anchor.cert,
        der: anchor.der,
        ...(sent >= 0 ? { source: "presented", index: sent } : { source: "store", index: null }),
      });
      return done(anchor.source, null);
    }
    const i = input.presented.findIndex(
      (p, n) => !used.has(n) && namedBy(cur.cert, p.cert) && signedBy(cur.cert, p.cert),
    );
    if (i >= 0) {
      used.add(i);
      elements.push({ ...input.presented[i]!, source: "presented", index: i });
      continue;
    }
    if (namedBy(cur.cert, cur.cert) && signedBy(cur.cert, cur.cert)) {
      return done(null, elements.length === 1 ? "SELF_SIGNED" : "UNTRUSTED_ROOT");
    }
    const namesMatched =
      input.presented.some((p) => namedBy(cur.cert, p.cert)) ||
      input.anchors.candidatesFor(cur.cert).length > 0;
    if (namesMatched) return done(null, "BAD_SIGNATURE");
    const urls = input.caIssuersOf(cur.cert);
    const fetched = await fetchIssuer(cur.cert, urls, input, aiaFetched);
    if (fetched) {
      elements.push({ ...fetched, source: "aia", index: null });
      continue;
    }
    // A caIssuers URL means a public-style hierarchy whose intermediate the server should have sent.
    return done(null, urls.length > 0 ? "INCOMPLETE_CHAIN" : "UNKNOWN_ISSUER");
  }
  return done(null, "UNKNOWN_ISSUER");
}

async function fetchIssuer(child: X509Certificate, urls: string[], input: PathInput, fetched: string[]) {
  if (!input.fetchIssuer) return null;
  for (const url of urls) {
    if (fetched.length >= (input.maxFetches ?? 3)) return null;
    fetched.push(url);
    const body = await input.fetchIssuer(url).catch(() => null);
    for (const der of body ? decodeIssuerCertificates(body) : []) {
      const cert = parseOrNull(der);
      if (cert && namedBy(child, cert) && signedBy(child, cert)) return { cert, der };
    }
  }
  return null;
}

function parseOrNull(der: Buffer): X509Certificate | null {
  try {
    return new X509Certificate(der);
  } catch {
    return null;
  }
}
