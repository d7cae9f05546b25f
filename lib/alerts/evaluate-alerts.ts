import type { Assessment } from "@/lib/assessment/types";
import type { EvalContext } from "./context";
import { evaluateExpiry } from "./evaluate-expiry";
import { evaluateFailing } from "./evaluate-failing";
import { evaluateGrade } from "./evaluate-grade";
import { evaluateRenewal } from "./evaluate-renewal";
import { evaluateTrust } from "./evaluate-trust";
import type { AlertPolicy } from "./policy";
import { type AlertState, parseAlertState } from "./state";
import type { AlertDecision, EndpointId, PassedKey } from "./types";

export interface EvaluateAlertsInput {
  endpoint: { id: EndpointId; name?: string | null };
  /** One scan of one endpoint on one IP. */
  assessment: Assessment;
  /** What the last evaluation returned as nextState for this endpoint + IP; null (or unreadable) = first scan. */
  previousState: AlertState | null | unknown;
  policy: AlertPolicy;
  now: Date;
}

export interface AlertEvaluation {
  /** Insert each dedupeKey under the unique constraint; enqueue a delivery only when the insert succeeds. */
  decisions: AlertDecision[];
  /** Record these keys too, without sending: thresholds overtaken by a more urgent one. */
  passed: PassedKey[];
  /** Persist for this endpoint + IP, in the same transaction as the keys. */
  nextState: AlertState;
}

/**
 * All endpoint alert rules for one scan: pure and deterministic (time comes in as `now`).
 * A failed scan only moves the failing counter; the other families keep their state until facts return.
 */
export function evaluateAlerts(input: EvaluateAlertsInput): AlertEvaluation {
  const prev = parseAlertState(input.previousState);
  const a = input.assessment;
  const ctx: EvalContext = {
    endpointId: input.endpoint.id,
    endpointName: input.endpoint.name ?? null,
    target: a.target,
    ip: a.target.ip,
    now: input.now,
    policy: input.policy,
    grade: a.grade?.letter ?? null,
  };
  const ok = a.error === null && a.certificate !== null;
  const failing = evaluateFailing(ctx, { ok, error: a.error }, prev.failing);
  if (!ok) {
    return finish(input.policy, [failing.decisions], [], { ...prev, failing: failing.state });
  }
  const renewal = evaluateRenewal(ctx, a.certificate, prev.renewal);
  const expiry = evaluateExpiry(
    ctx,
    { leaf: a.certificate, chain: a.chain?.certificates ?? [] },
    prev.expiry,
  );
  const trust = evaluateTrust(ctx, a, prev.trust);
  const grade = evaluateGrade(ctx, a.grade, prev.grade);
  const next: AlertState = {
    version: 1,
    expiry: expiry.state,
    renewal: renewal.state,
    failing: failing.state,
    trust: trust.state,
    grade: grade.state,
  };
  const groups = [failing.decisions, renewal.decisions, expiry.decisions, trust.decisions, grade.decisions];
  return finish(input.policy, groups, expiry.passed, next);
}

function finish(
  policy: AlertPolicy,
  groups: AlertDecision[][],
  passed: PassedKey[],
  nextState: AlertState,
): AlertEvaluation {
  const decisions = groups
    .flat()
    .filter(
      (d) => !policy.disabledEvents.includes(d.event) && (policy.notifyResolved || d.status !== "resolved"),
    );
  return { decisions, passed, nextState };
}
