import type { GradeFacts, GradeLetter } from "@/lib/assessment/types";
import { baseFacts, type EvalContext, endpointDecision, endpointLabel } from "./context";
import type { GradeState } from "./state";
import type { AlertDecision, FamilyResult } from "./types";

const ORDER: readonly GradeLetter[] = ["A+", "A", "A-", "B", "C", "D", "E", "F"];

/** Position in A+ > A > A- > B > C > D > E > F (0 is best); null for T and M. */
export function gradeRank(letter: GradeLetter): number | null {
  const i = ORDER.indexOf(letter);
  return i < 0 ? null : i;
}

/**
 * T and M say "not trusted" and "name mismatch", which evaluate-trust already alerts on. Comparing
 * the trust-ignored grade instead keeps one alert per cause and still catches a weaker configuration.
 */
export function comparableGrade(grade: GradeFacts | null): GradeLetter | null {
  if (!grade) return null;
  if (gradeRank(grade.letter) !== null) return grade.letter;
  return gradeRank(grade.ignoringTrust) !== null ? grade.ignoringTrust : null;
}

const worse = (a: GradeLetter, b: GradeLetter) => gradeRank(a)! > gradeRank(b)!;

/** A drop opens an episode against the grade before it; a further drop fires again; recovery resolves. */
export function evaluateGrade(
  ctx: EvalContext,
  grade: GradeFacts | null,
  prev: GradeState,
): FamilyResult<GradeState> {
  const now = comparableGrade(grade);
  if (!now) return { decisions: [], passed: [], state: prev };
  const state: GradeState = { ...prev, last: now };
  if (!prev.last) return { decisions: [], passed: [], state };
  if (prev.baseline && prev.since) {
    if (!worse(now, prev.baseline)) {
      const resolved = decision(ctx, { from: prev.baseline, to: now, since: prev.since, resolved: true });
      return {
        decisions: [resolved],
        passed: [],
        state: { last: now, baseline: null, worst: null, since: null },
      };
    }
    // Flapping inside an open drop (B, A, B) stays quiet; a new low (C) is news.
    if (prev.worst && !worse(now, prev.worst)) return { decisions: [], passed: [], state };
    const again = decision(ctx, { from: prev.baseline, to: now, since: prev.since, resolved: false });
    return { decisions: [again], passed: [], state: { ...state, worst: now } };
  }
  if (!worse(now, prev.last)) return { decisions: [], passed: [], state };
  const since = ctx.now.toISOString();
  const dropped = decision(ctx, { from: prev.last, to: now, since, resolved: false });
  return { decisions: [dropped], passed: [], state: { last: now, baseline: prev.last, worst: now, since } };
}

interface Drop {
  from: GradeLetter;
  to: GradeLetter;
  since: string;
  resolved: boolean;
}

function decision(ctx: EvalContext, d: Drop): AlertDecision {
  return endpointDecision(ctx, {
    event: "grade_dropped",
    status: d.resolved ? "resolved" : "firing",
    severity: d.resolved ? "info" : d.to === "F" ? "critical" : "warning",
    // Fingerprint left out of the key: a grade is about the configuration, not one certificate.
    fingerprint: null,
    threshold: d.resolved ? d.from : `${d.from}>${d.to}`,
    episode: d.since,
    title: d.resolved
      ? `${endpointLabel(ctx)}: grade back to ${d.to}`
      : `${endpointLabel(ctx)}: grade dropped from ${d.from} to ${d.to}`,
    advice: d.resolved
      ? "Nothing to do."
      : "Open the endpoint's page for the cap reasons and fixes; a recent server or load-balancer config change is the usual cause.",
    facts: { ...baseFacts(ctx), grade: d.to, previousGrade: d.from, since: d.since },
  });
}
