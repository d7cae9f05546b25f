import type { GradeLetter } from "@/lib/assessment/types";
import type { CapLetter } from "./types";

export type AfLetter = Exclude<GradeLetter, "T" | "M">;

/** Best first. */
const ORDER: readonly AfLetter[] = ["A+", "A", "A-", "B", "C", "D", "E", "F"];

/** RG table 1: ≥80 A, ≥65 B, ≥50 C, ≥35 D, ≥20 E, else F. Compared on the unrounded float. */
export function scoreToLetter(score: number): CapLetter {
  if (score >= 80) return "A";
  if (score >= 65) return "B";
  if (score >= 50) return "C";
  if (score >= 35) return "D";
  if (score >= 20) return "E";
  return "F";
}

export function worseLetter<L extends AfLetter>(a: L, b: L): L {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

export function isCapLetter(x: string): x is CapLetter {
  return x === "A" || x === "A-" || x === "B" || x === "C" || x === "D" || x === "E" || x === "F";
}
