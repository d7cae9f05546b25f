/** Worst to best, so a chart's y axis rises with quality; T and M sit below F. */
export const GRADE_SCALE = ["M", "T", "F", "E", "D", "C", "B", "A-", "A", "A+"] as const;

/** One scan as the history chart shows it. */
export interface HistoryPoint {
  /** Scan start, ms since the epoch. */
  t: number;
  ip: string | null;
  /** Days the leaf had left at scan time; null for a failed scan. */
  daysLeft: number | null;
  grade: string | null;
  /** Index in GRADE_SCALE; null when ungraded. */
  gradeLevel: number | null;
  durationMs: number;
  ok: boolean;
}
