import net from "node:net";
import { gradeAssessment } from "@/lib/grading/grade";
import { mozillaProfile } from "@/lib/grading/mozilla";
import { fetchSecurityHeaders } from "@/lib/http/hsts";
import type { AddressPolicy } from "@/lib/net/address-policy";
import { checkRevocation } from "@/lib/revocation/check-revocation";
import { policyFetch } from "@/lib/revocation/http-fetch";
import { simulateClients } from "@/lib/tls/clients";
import { enumerateTls } from "@/lib/tls/enumerate";
import { ClientCertRequiredError, type HandshakeResult, handshake } from "@/lib/tls/handshake";
import { certificateFacts } from "@/lib/x509/certificate-facts";
import { issuerFetcher } from "@/lib/x509/fetch-issuer";
import { applyRawFindings } from "./apply-raw";
import { type ChainStage, chainStage } from "./chain-stage";
import { emptyAssessment } from "./empty";
import { errorInfo } from "./error-info";
import type { Assessment } from "./types";

export interface AddressTarget {
  host: string;
  port: number;
  ip: string;
  sni: string | null;
  caPem: string | null;
}

export interface AssessOptions {
  /** Per connection. */
  timeoutMs: number;
  /** Whole enumeration of one address. */
  budgetMs?: number;
  /** Skip cipher/protocol enumeration and client simulations (the handshake facts only). */
  quick?: boolean;
  now?: () => Date;
  chain?: ChainStage;
  /** Applied to AIA, OCSP and CRL fetches (URLs the scanned server chose). */
  policy?: AddressPolicy;
  /** Check OCSP/CRL/stapling (default true). */
  revocation?: boolean;
}

type Settled<T> = PromiseSettledResult<T>;

function probes(t: AddressTarget, sni: string | null, opts: AssessOptions) {
  const common = { host: t.host, ip: t.ip, port: t.port, sni, timeoutMs: opts.timeoutMs };
  const budget = opts.budgetMs ?? Math.max(30_000, opts.timeoutMs * 3);
  return Promise.allSettled([
    handshake({ ...common, caPem: t.caPem, requestOcsp: true, policy: opts.policy }),
    opts.quick ? Promise.resolve(null) : enumerateTls({ ...common, totalBudgetMs: budget }),
    opts.quick ? Promise.resolve([]) : simulateClients(common),
    opts.quick ? Promise.resolve(null) : fetchSecurityHeaders({ ...common, caPem: t.caPem }),
  ] as const);
}

/** Merge the handshake and the raw enumeration: either may have seen the chain. */
function mergeProbes(
  a: Assessment,
  hs: Settled<HandshakeResult>,
  raw: Settled<Awaited<ReturnType<typeof enumerateTls>> | null>,
): HandshakeResult | null {
  const clientCert = hs.status === "rejected" && hs.reason instanceof ClientCertRequiredError;
  const result =
    hs.status === "fulfilled" ? hs.value : clientCert ? (hs.reason as ClientCertRequiredError).partial : null;
  const rawFindings = raw.status === "fulfilled" ? raw.value : null;
  if (rawFindings) applyRawFindings(a, rawFindings);
  if (result) {
    a.negotiated = { protocol: result.protocol, cipher: result.cipher?.standardName ?? null };
    a.chainDer = result.chainDer.map((d) => d.toString("base64"));
  }
  // Node could not negotiate (e.g. a 3DES-only server) but the raw hello saw the plaintext chain.
  if (a.chainDer.length === 0 && rawFindings?.chainDer.length) a.chainDer = rawFindings.chainDer;
  if (hs.status === "rejected" && (a.chainDer.length === 0 || clientCert)) a.error = errorInfo(hs.reason);
  if (clientCert) a.clientCertRequested = true;
  return result;
}

async function certificateStages(
  a: Assessment,
  t: AddressTarget,
  staple: Buffer | null,
  started: Date,
  opts: AssessOptions,
) {
  const chainDer = a.chainDer.map((b) => Buffer.from(b, "base64"));
  if (!chainDer[0]) return;
  try {
    a.certificate = certificateFacts(chainDer[0], started);
    const chain = await (opts.chain ?? chainStage)({
      chainDer,
      host: t.sni ?? t.host,
      caPem: t.caPem,
      now: started,
      fetchIssuer: issuerFetcher({ policy: opts.policy, timeoutMs: opts.timeoutMs }),
    });
    a.chain = chain.facts;
    if (opts.revocation === false) return;
    a.revocation = await checkRevocation({
      leafDer: chainDer[0],
      issuerDer: chain.issuerDer,
      stapleDer: staple,
      timeoutMs: opts.timeoutMs,
      fetch: policyFetch(opts.policy),
      now: started,
    });
  } catch (e) {
    a.error ??= errorInfo(e);
  }
}

/**
 * Everything one address tells us: a measuring node:tls handshake (chain, staple, negotiated
 * parameters), the raw ClientHello enumeration and reference-client simulations run side by side;
 * then certificate and chain facts, and the grade. Never throws: failures land in `error`, and a
 * grade is only given for a complete assessment.
 */
export async function assessAddress(t: AddressTarget, opts: AssessOptions): Promise<Assessment> {
  const started = (opts.now ?? (() => new Date()))();
  const t0 = performance.now();
  const sni = t.sni ?? (net.isIP(t.host) ? null : t.host);
  const a = emptyAssessment({ host: t.host, port: t.port, ip: t.ip, sni }, started);
  const [hs, raw, sims, headers] = await probes(t, sni, opts);
  const result = mergeProbes(a, hs, raw);
  if (sims.status === "fulfilled") a.clientSimulations = sims.value;
  if (headers.status === "fulfilled" && headers.value) {
    const { hsts, ...rest } = headers.value;
    a.hsts = hsts;
    a.httpHeaders = rest;
  }
  await certificateStages(a, t, result?.ocspStaple ?? null, started, opts);
  const graded = gradeAssessment(a);
  a.grade = graded.grade;
  a.gradeUnavailableReason = graded.unavailableReason;
  a.mozillaProfile = a.grade ? mozillaProfile(a) : null;
  a.durationMs = Math.round(performance.now() - t0);
  return a;
}
