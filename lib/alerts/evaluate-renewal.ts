import type { CertificateFacts } from "@/lib/assessment/types";
import { baseFacts, daysUntil, type EvalContext, endpointDecision, endpointLabel } from "./context";
import { normalizeFingerprint } from "./keys";
import type { RenewalState } from "./state";
import type { AlertDecision, FamilyResult } from "./types";

/**
 * A new leaf becomes the endpoint's certificate only after N consecutive scans see it. Seeing the
 * confirmed certificate again resets the count, so a CDN serving old and new certificates
 * alternately (UK #5374) never confirms and never notifies. A failed scan leaves the count alone.
 */
export function evaluateRenewal(
  ctx: EvalContext,
  leaf: CertificateFacts | null,
  prev: RenewalState,
): FamilyResult<RenewalState> {
  if (!leaf) return { decisions: [], passed: [], state: prev };
  const seen = { fingerprint: normalizeFingerprint(leaf.fingerprintSha256), notAfter: leaf.notAfter };
  // The first certificate ever seen is the baseline, not a change.
  if (!prev.confirmed) return { decisions: [], passed: [], state: { confirmed: seen, pending: null } };
  if (seen.fingerprint === prev.confirmed.fingerprint) {
    return { decisions: [], passed: [], state: { confirmed: prev.confirmed, pending: null } };
  }
  const count = prev.pending?.fingerprint === seen.fingerprint ? prev.pending.count + 1 : 1;
  if (count < ctx.policy.renewalConfirmations) {
    return { decisions: [], passed: [], state: { confirmed: prev.confirmed, pending: { ...seen, count } } };
  }
  const decision = renewedDecision(ctx, leaf, seen.fingerprint, prev.confirmed);
  return { decisions: [decision], passed: [], state: { confirmed: seen, pending: null } };
}

function renewedDecision(
  ctx: EvalContext,
  leaf: CertificateFacts,
  fingerprint: string,
  old: { fingerprint: string; notAfter: string },
): AlertDecision {
  const renewed = Date.parse(leaf.notAfter) > Date.parse(old.notAfter);
  const days = daysUntil(leaf.notAfter, ctx.now);
  return endpointDecision(ctx, {
    event: "renewed",
    status: "info",
    severity: "info",
    fingerprint,
    // Old fingerprint and time in the key: switching back and forth later is a change each time.
    threshold: `from:${old.fingerprint.slice(0, 16)}`,
    episode: ctx.now.toISOString(),
    title: `Certificate on ${endpointLabel(ctx)} ${renewed ? "renewed" : "changed"} (${days} days left)`,
    advice: renewed
      ? "Nothing to do: expiry alerts now follow the new certificate."
      : "The new certificate expires no later than the old one; check that this change was intended.",
    facts: {
      ...baseFacts(ctx),
      certificateRole: "leaf",
      subject: leaf.subject,
      commonName: leaf.commonName,
      names: leaf.sans,
      issuer: leaf.issuer,
      notBefore: leaf.notBefore,
      notAfter: leaf.notAfter,
      daysLeft: days,
      previousFingerprint: old.fingerprint,
      previousNotAfter: old.notAfter,
    },
  });
}
