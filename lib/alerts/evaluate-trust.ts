import type { Assessment } from "@/lib/assessment/types";
import { baseFacts, type EvalContext, endpointDecision, endpointLabel } from "./context";
import { normalizeFingerprint } from "./keys";
import type { OpenCondition, TrustState } from "./state";
import type { AlertDecision, AlertSeverity, FamilyResult } from "./types";

type TrustCondition = keyof TrustState &
  ("revoked" | "chain_untrusted" | "chain_incomplete" | "hostname_mismatch");

interface ConditionRule {
  /** true = present, false = clear, null = unknown this scan (state left as is). */
  test(a: Assessment, open: OpenCondition | undefined, fp: string, now: Date): boolean | null;
  severity: AlertSeverity;
  title: string;
  resolvedTitle: string;
  advice: string;
  detail(a: Assessment): string | undefined;
}

function anyExpired(a: Assessment, now: Date): boolean {
  const dates = [a.certificate?.notAfter, ...(a.chain?.certificates ?? []).map((c) => c.notAfter)];
  return dates.some((d) => d !== undefined && Date.parse(d) <= now.getTime());
}

const RULES: Record<TrustCondition, ConditionRule> = {
  revoked: {
    // "unknown" (an OCSP/CRL outage) neither fires nor clears (CSC #83); a different leaf clears it.
    test: (a, open, fp) =>
      a.revocation?.status === "revoked"
        ? true
        : a.revocation?.status === "good" || (open && open.fingerprint !== fp)
          ? false
          : null,
    severity: "critical",
    title: "certificate revoked",
    resolvedTitle: "no longer serves a revoked certificate",
    advice:
      "Replace the certificate now: clients that check revocation refuse it. Find out why it was revoked (key compromise?).",
    detail: (a) => (a.revocation?.reason ? `Reason: ${a.revocation.reason}` : undefined),
  },
  chain_incomplete: {
    test: (a) => (a.chain ? !a.chain.complete : null),
    severity: "warning",
    title: "certificate chain incomplete",
    resolvedTitle: "certificate chain complete again",
    advice:
      "Serve the intermediate certificate(s) with the leaf (the full chain file, e.g. fullchain.pem), not the leaf alone.",
    detail: (a) => a.chain?.trustError ?? undefined,
  },
  chain_untrusted: {
    // An incomplete chain or an expired certificate already has its own alert; don't double it.
    test: (a, _o, _f, now) => (a.chain ? !a.chain.trusted && a.chain.complete && !anyExpired(a, now) : null),
    severity: "critical",
    title: "certificate not trusted",
    resolvedTitle: "certificate trusted again",
    advice:
      "Use a certificate from a publicly trusted CA (or add your private CA to this endpoint's trust settings).",
    detail: (a) => a.chain?.trustError ?? undefined,
  },
  hostname_mismatch: {
    test: (a) => (a.chain ? !a.chain.hostnameMatch : null),
    severity: "critical",
    title: "certificate does not match the host name",
    resolvedTitle: "certificate matches the host name again",
    advice:
      "Issue a certificate whose SANs include this name, or check that the right virtual host answers on this IP.",
    detail: (a) =>
      a.certificate ? `Names on the certificate: ${a.certificate.sans.join(", ") || "(none)"}` : undefined,
  },
};

/** Trust conditions fire on the transition to present and send a resolved notice when they clear. */
export function evaluateTrust(
  ctx: EvalContext,
  a: Assessment | null,
  prev: TrustState,
): FamilyResult<TrustState> {
  if (!a?.certificate) return { decisions: [], passed: [], state: prev };
  const fp = normalizeFingerprint(a.certificate.fingerprintSha256);
  const state: TrustState = { ...prev };
  const decisions: AlertDecision[] = [];
  for (const [name, rule] of Object.entries(RULES) as [TrustCondition, ConditionRule][]) {
    const open = prev[name];
    const present = rule.test(a, open, fp, ctx.now);
    if (present === true && !open) {
      state[name] = { since: ctx.now.toISOString(), fingerprint: fp };
      decisions.push(conditionDecision(ctx, a, name, state[name], "firing"));
    } else if (present === false && open) {
      delete state[name];
      decisions.push(conditionDecision(ctx, a, name, open, "resolved"));
    }
  }
  return { decisions, passed: [], state };
}

function conditionDecision(
  ctx: EvalContext,
  a: Assessment,
  name: TrustCondition,
  open: OpenCondition,
  status: "firing" | "resolved",
): AlertDecision {
  const rule = RULES[name];
  const firing = status === "firing";
  const detail = firing ? rule.detail(a) : undefined;
  return endpointDecision(ctx, {
    event: name,
    status,
    severity: firing ? rule.severity : "info",
    fingerprint: open.fingerprint,
    threshold: null,
    episode: open.since,
    title: `${endpointLabel(ctx)}: ${firing ? rule.title : rule.resolvedTitle}`,
    advice: firing ? rule.advice : "Nothing to do; the last scan no longer shows the problem.",
    facts: {
      ...baseFacts(ctx),
      certificateRole: "leaf",
      subject: a.certificate?.subject,
      commonName: a.certificate?.commonName ?? null,
      names: a.certificate?.sans,
      issuer: a.certificate?.issuer,
      notAfter: a.certificate?.notAfter,
      since: open.since,
      ...(detail ? { detail } : {}),
    },
  });
}
