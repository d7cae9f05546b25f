import { type Assessment, PROTOCOL_NAMES } from "@/lib/assessment/types";
import { referenceView } from "./reference-clients";
import { categoryScores } from "./scores";
import { classifySuite } from "./suites";
import type { ResolvedGradingOptions, RuleContext } from "./types";

/** Computes once what several rules and the score need. */
export function buildRuleContext(a: Assessment, options: ResolvedGradingOptions): RuleContext {
  const supported = PROTOCOL_NAMES.filter((p) => a.protocols[p] === true);
  const suites = a.cipherSuites.flatMap((s) => classifySuite(s, options) ?? []);
  return {
    assessment: a,
    options,
    supported,
    suites,
    reference: referenceView(a, suites, options),
    scores: categoryScores(a, supported, suites, options),
  };
}
