import type { ScanErrorInfo } from "@/lib/assessment/types";
import { baseFacts, type EvalContext, endpointDecision, endpointLabel } from "./context";
import type { FailingState } from "./state";
import type { AlertDecision, FamilyResult } from "./types";

export interface ScanOutcome {
  ok: boolean;
  error: ScanErrorInfo | null;
}

/** N consecutive failed scans open a "failing" episode; the first success after it resolves it. */
export function evaluateFailing(
  ctx: EvalContext,
  outcome: ScanOutcome,
  prev: FailingState,
): FamilyResult<FailingState> {
  if (outcome.ok) {
    const state: FailingState = { consecutive: 0, since: null, active: false, lastError: null };
    if (!prev.active || !prev.since) return { decisions: [], passed: [], state };
    return { decisions: [recovered(ctx, prev)], passed: [], state };
  }
  const lastError = outcome.error ? `${outcome.error.code}: ${outcome.error.message}`.slice(0, 500) : null;
  const state: FailingState = {
    consecutive: prev.consecutive + 1,
    since: prev.since ?? ctx.now.toISOString(),
    active: prev.active,
    lastError,
  };
  if (state.active || state.consecutive < ctx.policy.failingAfter)
    return { decisions: [], passed: [], state };
  state.active = true;
  return { decisions: [failing(ctx, state, outcome.error)], passed: [], state };
}

function failing(ctx: EvalContext, state: FailingState, error: ScanErrorInfo | null): AlertDecision {
  return endpointDecision(ctx, {
    event: "endpoint_failing",
    status: "firing",
    severity: "critical",
    fingerprint: null,
    threshold: `${ctx.policy.failingAfter}x`,
    episode: state.since,
    title: `${endpointLabel(ctx)} failing: ${state.consecutive} scans in a row could not complete`,
    advice:
      error?.hint ??
      "Check that the service is up and reachable from the Certwatch host (DNS, firewall, port), then wait for the next scan.",
    facts: {
      ...baseFacts(ctx),
      consecutiveFailures: state.consecutive,
      since: state.since ?? undefined,
      ...(state.lastError ? { error: state.lastError } : {}),
    },
  });
}

function recovered(ctx: EvalContext, prev: FailingState): AlertDecision {
  return endpointDecision(ctx, {
    event: "endpoint_failing",
    status: "resolved",
    severity: "info",
    fingerprint: null,
    threshold: `${ctx.policy.failingAfter}x`,
    episode: prev.since,
    title: `${endpointLabel(ctx)} recovered: scans succeed again`,
    advice: "Nothing to do; the endpoint answered a full scan.",
    facts: { ...baseFacts(ctx), consecutiveFailures: prev.consecutive, since: prev.since ?? undefined },
  });
}
