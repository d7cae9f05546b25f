import type { GradeFacts } from "@/lib/assessment/types";

/**
 * The reason that set the final letter: the cap equal to it, or the first warning for A-. Null when the
 * score alone decided (or the letter is A+).
 */
export function decisiveReason(grade: GradeFacts): string | null {
  if (grade.letter === "A-") return grade.warnings[0]?.reason ?? null;
  return grade.caps.find((c) => c.grade === grade.letter)?.reason ?? null;
}
