// Builders for tests of alert evaluation (here and in the DB/worker layers): a complete Assessment
// with only the facts a test cares about set.
import type { Assessment, ChainCertificate, GradeLetter } from "@/lib/assessment/types";
import { evaluateAlerts } from "./evaluate-alerts";
import type { AlertPolicy } from "./policy";
import type { AlertDecision, PassedKey } from "./types";

const DAY = 86_400_000;

export interface CertSpec {
  fingerprint: string;
  /** Days from `now` (or an absolute notAfter); notBefore is notAfter - lifetimeDays (default 90). */
  daysLeft?: number;
  notAfter?: Date;
  lifetimeDays?: number;
  now: Date;
}

export function certificateFacts(spec: CertSpec): NonNullable<Assessment["certificate"]> {
  const notAfter = spec.notAfter ?? new Date(spec.now.getTime() + (spec.daysLeft ?? 90) * DAY);
  const notBefore = new Date(notAfter.getTime() - (spec.lifetimeDays ?? 90) * DAY);
  return {
    subject: "CN=example.com",
    commonName: "example.com",
    sans: ["example.com", "www.example.com"],
    issuer: "CN=Test CA R1, O=Test CA",
    serialNumber: "01",
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    daysRemaining: Math.floor((notAfter.getTime() - spec.now.getTime()) / DAY),
    fingerprintSha256: spec.fingerprint,
    spkiSha256: `spki-${spec.fingerprint}`,
    keyType: "EC",
    keyBits: 256,
    curve: "P-256",
    signatureAlgorithm: "ecdsa-with-SHA256",
    selfSigned: false,
    serverAuthEku: true,
    ocspUrls: [],
    crlUrls: [],
    caIssuersUrls: [],
    sctCount: 2,
    mustStaple: false,
  };
}

export interface AssessmentSpec {
  now: Date;
  host?: string;
  ip?: string;
  leaf?: Omit<CertSpec, "now"> | null;
  intermediates?: ChainCertificate[];
  grade?: GradeLetter | null;
  ignoringTrust?: GradeLetter;
  trusted?: boolean;
  complete?: boolean;
  hostnameMatch?: boolean;
  revocation?: "good" | "revoked" | "unknown" | null;
  error?: { code: string; message: string; hint: string | null } | null;
}

export function makeAssessment(s: AssessmentSpec): Assessment {
  const certificate = s.error || !s.leaf ? null : certificateFacts({ ...s.leaf, now: s.now });
  const chainCerts: ChainCertificate[] = certificate
    ? [
        {
          subject: certificate.subject,
          issuer: certificate.issuer,
          notAfter: certificate.notAfter,
          fingerprintSha256: certificate.fingerprintSha256,
          signatureAlgorithm: certificate.signatureAlgorithm,
          keyBits: certificate.keyBits,
        },
        ...(s.intermediates ?? []),
      ]
    : [];
  return {
    target: {
      host: s.host ?? "example.com",
      port: 443,
      ip: s.ip ?? "192.0.2.10",
      sni: s.host ?? "example.com",
    },
    startedAt: s.now.toISOString(),
    durationMs: 120,
    error: s.error ?? null,
    certificate,
    chain: certificate
      ? {
          certificates: chainCerts,
          complete: s.complete ?? true,
          trusted: s.trusted ?? true,
          trustError: s.trusted === false ? "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" : null,
          hostnameMatch: s.hostnameMatch ?? true,
          earliestExpiry: certificate.notAfter,
        }
      : null,
    protocols: {
      SSLv2: false,
      SSLv3: false,
      "TLSv1.0": false,
      "TLSv1.1": false,
      "TLSv1.2": true,
      "TLSv1.3": true,
    },
    cipherSuites: [],
    serverCipherOrder: null,
    forwardSecrecy: "all",
    aead: "all",
    keyExchange: null,
    secureRenegotiation: true,
    compression: false,
    alpn: ["h2"],
    clientCertRequested: false,
    hsts: null,
    httpHeaders: null,
    negotiated: null,
    clientSimulations: [],
    revocation: s.revocation
      ? {
          status: s.revocation,
          method: "crl",
          reason: null,
          revokedAt: null,
          stapled: false,
          stapledStatus: null,
          mustStaple: false,
          ocsp: null,
          crl: null,
        }
      : null,
    grade:
      certificate && s.grade !== null
        ? {
            letter: s.grade ?? "A",
            ignoringTrust: s.ignoringTrust ?? s.grade ?? "A",
            score: 90,
            protocolScore: 100,
            keyExchangeScore: 90,
            cipherScore: 90,
            caps: [],
            warnings: [],
            criteria: "2009r",
          }
        : null,
    gradeUnavailableReason: null,
    mozillaProfile: null,
    chainDer: [],
  };
}

export interface Step {
  decisions: AlertDecision[];
  passed: PassedKey[];
}

/** Runs scans in order through evaluateAlerts, carrying state through a JSON round trip as the DB would. */
export function runScans(
  scans: AssessmentSpec[],
  policy: AlertPolicy,
  endpointId: string | number = 1,
): Step[] {
  let state: unknown = null;
  return scans.map((spec) => {
    const r = evaluateAlerts({
      endpoint: { id: endpointId },
      assessment: makeAssessment(spec),
      previousState: state,
      policy,
      now: spec.now,
    });
    state = JSON.parse(JSON.stringify(r.nextState));
    return { decisions: r.decisions, passed: r.passed };
  });
}
