// Folds what the sources said into one verdict. Only verified answers count: a verified "revoked" from
// any source wins, then a verified "good"; otherwise "unknown" with every source's reason (soft-fail).
import type { RevocationFacts, RevocationStatus } from "@/lib/assessment/types";
import type { SourceResult } from "./types";

export type SourceName = "staple" | "crl" | "ocsp";

export interface Consulted {
  source: SourceName;
  result: SourceResult;
}

const LABEL: Record<SourceName, string> = {
  staple: "stapled OCSP response",
  crl: "CRL",
  ocsp: "OCSP responder",
};

export interface Verdict {
  status: RevocationStatus;
  method: RevocationFacts["method"];
  revokedAt: string | null;
  reason: string | null;
}

/** `notes` (must-staple without a staple, a rejected staple) are reported whatever the verdict. */
export function decide(consulted: Consulted[], notes: string[], noSource: string): Verdict {
  const revoked = consulted.find((c) => c.result.verified && c.result.status === "revoked");
  if (revoked) {
    const r = revoked.result;
    const why = r.revocationReason ? ` (${r.revocationReason})` : "";
    const text = `Revoked${r.revokedAt ? ` at ${r.revokedAt}` : ""}${why} according to the ${LABEL[revoked.source]}`;
    return {
      status: "revoked",
      method: revoked.source,
      revokedAt: r.revokedAt,
      reason: [text, ...notes].join("; "),
    };
  }
  const good = consulted.find((c) => c.result.verified && c.result.status === "good");
  if (good)
    return {
      status: "good",
      method: good.source,
      revokedAt: null,
      reason: notes.length ? notes.join("; ") : null,
    };
  const errors = consulted.map((c) => c.result.error ?? `${LABEL[c.source]}: status unknown`);
  const reasons = [...new Set([...notes, ...(errors.length ? errors : [noSource])])];
  const answered = consulted.find((c) => c.result.verified);
  return { status: "unknown", method: answered?.source ?? null, revokedAt: null, reason: reasons.join("; ") };
}
