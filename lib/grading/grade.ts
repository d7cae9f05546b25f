import type { Assessment, GradeFacts, GradeLetter } from "@/lib/assessment/types";
import { unavailableReason } from "./availability";
import { buildRuleContext } from "./context";
import { type AfLetter, isCapLetter, scoreToLetter, worseLetter } from "./letters";
import { resolveGradingOptions } from "./options";
import { HSTS_A_PLUS_MIN_AGE } from "./rules/hsts-below-a-plus";
import { RULE_IDS, RULES, type RuleId } from "./rules/index";
import type { GradingOptions, RuleContext, RuleFinding } from "./types";

export interface GradeResult {
  grade: GradeFacts | null;
  /** Set exactly when grade is null: "could not be fully assessed: …". */
  unavailableReason: string | null;
}

interface Matched {
  id: RuleId;
  scope: "configuration" | "trust";
  finding: RuleFinding;
}

/** SSL Labs letter (criteria 2009r) for an assessment, following GRADING.md §1 step by step. */
export function gradeAssessment(a: Assessment, opts?: GradingOptions): GradeResult {
  const missing = unavailableReason(a);
  if (missing) return { grade: null, unavailableReason: missing };
  const options = resolveGradingOptions(opts);
  const ctx = buildRuleContext(a, options);
  const matched = evaluateRules(ctx);
  const ignoringTrust = foldConfiguration(ctx, matched.filter(countsWhenTrustIgnored));
  return {
    grade: {
      letter: finalLetter(ignoringTrust, matched),
      ignoringTrust,
      score: ctx.scores.score,
      protocolScore: ctx.scores.protocol,
      keyExchangeScore: ctx.scores.keyExchange,
      cipherScore: ctx.scores.cipher,
      caps: matched
        .filter((m) => m.finding.effect !== "warning")
        .map((m) => ({
          grade: m.finding.effect as GradeLetter,
          reason: m.finding.reason,
          fix: m.finding.fix,
        }))
        .sort((x, y) => severity(x.grade) - severity(y.grade)),
      warnings: matched
        .filter((m) => m.finding.effect === "warning")
        .map((m) => ({ reason: m.finding.reason, fix: m.finding.fix })),
      criteria: options.criteria,
    },
    unavailableReason: null,
  };
}

function evaluateRules(ctx: RuleContext): Matched[] {
  return RULE_IDS.flatMap((id) => {
    const finding = RULES[id].check(ctx);
    return finding ? [{ id, scope: RULES[id].scope, finding }] : [];
  });
}

function countsWhenTrustIgnored(m: Matched): boolean {
  return m.scope === "configuration" && m.finding.effect !== "T" && m.finding.effect !== "M";
}

/** Score letter, lowered by every cap; a warning turns A into A-; A+ needs A with nothing against it. */
function foldConfiguration(ctx: RuleContext, matched: readonly Matched[]): AfLetter {
  let letter: AfLetter = scoreToLetter(ctx.scores.score);
  let capped = false;
  for (const { finding } of matched) {
    if (!isCapLetter(finding.effect)) continue;
    letter = worseLetter(letter, finding.effect);
    capped = true;
  }
  if (letter !== "A") return letter;
  if (matched.some((m) => m.finding.effect === "warning")) return "A-";
  const hsts = ctx.assessment.hsts;
  return !capped && hsts !== null && hsts.maxAge >= HSTS_A_PLUS_MIN_AGE ? "A+" : "A";
}

/** F beats T (ssllabs-scan #330, #248); T beats M (ssllabs-scan #666: the T grade hides the M). */
function finalLetter(ignoringTrust: AfLetter, matched: readonly Matched[]): GradeLetter {
  const effects = new Set(matched.map((m) => m.finding.effect));
  if (ignoringTrust === "F" || effects.has("F")) return "F";
  if (effects.has("T")) return "T";
  if (effects.has("M")) return "M";
  return ignoringTrust;
}

const SEVERITY: readonly GradeLetter[] = ["F", "T", "M", "E", "D", "C", "B", "A-", "A", "A+"];

function severity(letter: GradeLetter): number {
  return SEVERITY.indexOf(letter);
}
