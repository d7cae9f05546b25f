import net from "node:net";
import { gradeAssessment } from "@/lib/grading/grade";
import { enumerateTls } from "@/lib/tls/enumerate";
import { ClientCertRequiredError, type HandshakeResult, handshake } from "@/lib/tls/handshake";
import { certificateFacts } from "@/lib/x509/certificate-facts";
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
  /** Whole assessment of one address. */
  budgetMs?: number;
  /** Skip cipher/protocol enumeration (the handshake facts only). */
  quick?: boolean;
  now?: () => Date;
  chain?: ChainStage;
}

/**
 * Everything one address tells us: a measuring node:tls handshake (chain, staple, negotiated
 * parameters) and the raw ClientHello enumeration run side by side, then trust, revocation and grade.
 * Never throws: failures land in `error`, and a grade is only given for a complete assessment.
 */
export async function assessAddress(t: AddressTarget, opts: AssessOptions): Promise<Assessment> {
  const now = opts.now ?? (() => new Date());
  const started = now();
  const t0 = performance.now();
  const sni = t.sni ?? (net.isIP(t.host) ? null : t.host);
  const a = emptyAssessment({ host: t.host, port: t.port, ip: t.ip, sni }, started);
  const budget = opts.budgetMs ?? Math.max(30_000, opts.timeoutMs * 3);
  const [hs, raw] = await Promise.allSettled([
    handshake({
      host: t.host,
      port: t.port,
      ip: t.ip,
      sni,
      caPem: t.caPem,
      timeoutMs: opts.timeoutMs,
      requestOcsp: true,
    }),
    opts.quick
      ? Promise.resolve(null)
      : enumerateTls({
          host: t.host,
          ip: t.ip,
          port: t.port,
          sni,
          timeoutMs: opts.timeoutMs,
          totalBudgetMs: budget,
        }),
  ]);
  let result: HandshakeResult | null = null;
  if (hs.status === "fulfilled") result = hs.value;
  else if (hs.reason instanceof ClientCertRequiredError) result = hs.reason.partial;
  if (raw.status === "fulfilled" && raw.value) applyRawFindings(a, raw.value);

  if (result) {
    a.negotiated = { protocol: result.protocol, cipher: result.cipher?.standardName ?? null };
    a.chainDer = result.chainDer.map((d) => d.toString("base64"));
  } else if (raw.status === "fulfilled" && raw.value?.chainDer.length) {
    // Node could not negotiate (e.g. a 3DES-only server) but the raw hello saw the plaintext chain.
    a.chainDer = raw.value.chainDer;
  }
  if (hs.status === "rejected" && (a.chainDer.length === 0 || hs.reason instanceof ClientCertRequiredError)) {
    a.error = errorInfo(hs.reason);
  }
  if (hs.status === "rejected" && hs.reason instanceof ClientCertRequiredError) a.clientCertRequested = true;

  const chainDer = a.chainDer.map((b) => Buffer.from(b, "base64"));
  if (chainDer[0]) {
    try {
      a.certificate = certificateFacts(chainDer[0], started);
      const stage = opts.chain ?? chainStage;
      a.chain = await stage({
        chainDer,
        host: t.sni ?? t.host,
        caPem: t.caPem,
        now: started,
        handshake: result,
      });
    } catch (e) {
      a.error ??= errorInfo(e);
    }
  }
  const graded = gradeAssessment(a);
  a.grade = graded.grade;
  a.gradeUnavailableReason = graded.unavailableReason;
  a.durationMs = Math.round(performance.now() - t0);
  return a;
}
