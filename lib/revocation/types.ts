// What one revocation source (a staple, an OCSP responder, a CRL) concluded about one certificate.
import type { RevocationStatus } from "@/lib/assessment/types";

export interface SourceResult {
  status: RevocationStatus;
  /** The answer was signed by the CA (or its delegate) and is current: only verified answers count. */
  verified: boolean;
  /** ISO time the CA says the certificate was revoked. */
  revokedAt: string | null;
  /** RFC 5280 CRLReason name (keyCompromise, superseded, ...), when the CA gave one. */
  revocationReason: string | null;
  thisUpdate: string | null;
  nextUpdate: string | null;
  /** Why the answer is "unknown" (or unverifiable); null when the source answered and verified. */
  error: string | null;
}

/** A verified answer with the given status (the fields of `times` and `extra` filled in). */
export function verifiedResult(
  status: RevocationStatus,
  times: Pick<SourceResult, "thisUpdate" | "nextUpdate">,
  extra: Partial<SourceResult> = {},
): SourceResult {
  return { status, verified: true, revokedAt: null, revocationReason: null, error: null, ...times, ...extra };
}

export function unknownResult(error: string, times: Partial<SourceResult> = {}): SourceResult {
  return {
    status: "unknown",
    verified: false,
    revokedAt: null,
    revocationReason: null,
    thisUpdate: times.thisUpdate ?? null,
    nextUpdate: times.nextUpdate ?? null,
    error,
  };
}

const REASONS = [
  "unspecified",
  "keyCompromise",
  "cACompromise",
  "affiliationChanged",
  "superseded",
  "cessationOfOperation",
  "certificateHold",
  null,
  "removeFromCRL",
  "privilegeWithdrawn",
  "aACompromise",
];

export function reasonName(code: number | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return REASONS[code] ?? `reason ${code}`;
}

/** Per-request deadline for a responder or CRL server (the whole exchange, redirects included). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Clock skew tolerated between us and the CA when judging thisUpdate/nextUpdate. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** thisUpdate in the future or nextUpdate in the past make a response unusable. */
export function freshnessError(
  what: string,
  thisUpdate: Date,
  nextUpdate: Date | null,
  now: Date,
): string | null {
  if (thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return `${what} is not yet valid: thisUpdate ${thisUpdate.toISOString()} is in the future`;
  }
  if (nextUpdate && nextUpdate.getTime() + CLOCK_SKEW_MS < now.getTime()) {
    return `${what} expired: nextUpdate ${nextUpdate.toISOString()} has passed`;
  }
  return null;
}
