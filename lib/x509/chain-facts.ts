// Chain facts: is there a path from the presented leaf to an anchor we trust, is every element valid now,
// did the server send everything needed, does the name match. Each question is answered separately so
// grading can tell "T" (trust) from "M" (mismatch) and alerts can name the exact problem.
import type { ChainCertificate, ChainFacts } from "@/lib/assessment/types";
import { CertwatchError } from "@/lib/errors";
import {
  factsOf,
  isSelfSigned,
  keyInfo,
  nameString,
  type ParsedCertificate,
  parseCertificate,
  sha256Hex,
  signatureAlgorithmOf,
} from "@/lib/x509/certificate-facts";
import { type TrustProblem, trustProblems } from "@/lib/x509/chain-problems";
import { extensionFacts } from "@/lib/x509/extensions";
import { hostnameMatches } from "@/lib/x509/hostname-match";
import { isWeakSignature } from "@/lib/x509/oids";
import { buildPath, type PathSource } from "@/lib/x509/path-builder";
import { MAX_CHAIN_CERTIFICATES } from "@/lib/x509/peer-chain";
import { type AnchorSource, anchorsFor } from "@/lib/x509/trust-store";

export interface ChainFactsOptions {
  /** Presented chain, leaf first, as sent. */
  chainDer: Buffer[];
  /** Name the certificate must match (DNS name or IP literal). */
  host: string;
  caPem?: string | null;
  now?: Date;
  /** Download a caIssuers URL (DER, PEM or PKCS#7); enables chain completion. */
  fetchIssuer?: ((url: string) => Promise<Buffer | null>) | null;
}

export interface ChainDetails extends ChainFacts {
  /** All problems found, most fundamental first; trustError is the first one's code. */
  problems: TrustProblem[];
  trustErrorMessage: string | null;
  /** The built path (leaf → anchor) as DER, with where each element came from. */
  pathDer: Buffer[];
  pathSources: PathSource[];
  anchor: AnchorSource | null;
  presentedCount: number;
  /** Presented certificates not on the path (extra or unrelated). */
  unusedPresented: number;
  /** The presented path certificates were not sent in leaf → root order. */
  outOfOrder: boolean;
  /** MD2/MD5/SHA-1 signatures on the path, self-signed roots excepted (their signature is not relied upon). */
  weakSignatures: { subject: string; algorithm: string }[];
  aiaFetched: string[];
}

export async function chainFacts(opts: ChainFactsOptions): Promise<ChainDetails> {
  const now = opts.now ?? new Date();
  if (opts.chainDer.length === 0) {
    throw new CertwatchError("NO_CERTIFICATE", "The server presented no certificate", null);
  }
  const presented = parsePresented(opts.chainDer);
  const anchors = anchorsFor(opts.caPem);
  const path = await buildPath({
    presented: presented.map((p) => ({ cert: p.node, der: p.der })),
    anchors,
    caIssuersOf: (cert) => extensionFacts(parseCertificate(cert.raw).asn).caIssuersUrls,
    fetchIssuer: opts.fetchIssuer,
  });
  const parsed = path.elements.map((e) => (e.index !== null ? presented[e.index]! : parseCertificate(e.der)));
  const leaf = factsOf(parsed[0]!, now);
  const problems = trustProblems(path, parsed, now);
  const indices = path.elements.flatMap((e) => (e.index === null ? [] : [e.index]));
  return {
    certificates: parsed.map(chainCertificate),
    complete:
      !path.elements.some((e) => e.source === "aia") &&
      (path.anchor !== null || path.problem === "SELF_SIGNED" || path.problem === "UNTRUSTED_ROOT"),
    trusted: problems.length === 0,
    trustError: problems[0]?.code ?? null,
    hostnameMatch: hostnameMatches(opts.host, {
      dnsNames: leaf.sans.filter((s) => !/^[\d.]+$|:/.test(s)),
      ipAddresses: leaf.sans.filter((s) => /^[\d.]+$|:/.test(s)),
      commonName: leaf.commonName,
    }),
    earliestExpiry: earliestExpiry(
      parsed,
      path.elements.map((e) => e.source),
    ),
    problems,
    trustErrorMessage: problems[0]?.message ?? null,
    pathDer: path.elements.map((e) => e.der),
    pathSources: path.elements.map((e) => e.source),
    anchor: path.anchor,
    presentedCount: opts.chainDer.length,
    unusedPresented: opts.chainDer.length - indices.length,
    outOfOrder: indices.some((v, i) => v !== i),
    weakSignatures: weakSignatures(parsed),
    aiaFetched: path.aiaFetched,
  };
}

function parsePresented(chainDer: Buffer[]): ParsedCertificate[] {
  const leaf = parseCertificate(chainDer[0]!);
  const rest = chainDer.slice(1, MAX_CHAIN_CERTIFICATES).flatMap((der) => {
    try {
      return [parseCertificate(der)];
    } catch {
      return [];
    }
  });
  return [leaf, ...rest];
}

function chainCertificate(p: ParsedCertificate): ChainCertificate {
  return {
    subject: nameString(p.asn.tbsCertificate.subject),
    issuer: nameString(p.asn.tbsCertificate.issuer),
    notAfter: p.asn.tbsCertificate.validity.notAfter.getTime().toISOString(),
    fingerprintSha256: sha256Hex(p.der),
    signatureAlgorithm: signatureAlgorithmOf(p),
    keyBits: keyInfo(p).keyBits,
  };
}

/** Earliest notAfter over what the server sent or we fetched: leaf and intermediates, the root only if presented. */
function earliestExpiry(parsed: ParsedCertificate[], sources: PathSource[]): string | null {
  const times = parsed
    .filter((_, i) => sources[i] !== "store")
    .map((p) => p.asn.tbsCertificate.validity.notAfter.getTime().getTime());
  return times.length ? new Date(Math.min(...times)).toISOString() : null;
}

function weakSignatures(parsed: ParsedCertificate[]) {
  return parsed.flatMap((p) => {
    const algorithm = signatureAlgorithmOf(p);
    return isWeakSignature(algorithm) && !isSelfSigned(p)
      ? [{ subject: nameString(p.asn.tbsCertificate.subject), algorithm }]
      : [];
  });
}

/** Just the contract fields (lib/assessment/types), e.g. for Assessment.chain: no DER buffers, no details. */
export function toChainFacts(d: ChainDetails): ChainFacts {
  const { certificates, complete, trusted, trustError, hostnameMatch, earliestExpiry } = d;
  return { certificates, complete, trusted, trustError, hostnameMatch, earliestExpiry };
}
