import { GRADE_SCALE, type HistoryPoint } from "@/lib/assessment/history";
import type { ScanRow } from "../schema";

const DAY_MS = 86_400_000;

/** Scans (any order) → chart points, oldest first. */
export function toHistoryPoints(rows: readonly ScanRow[]): HistoryPoint[] {
  return rows
    .map((s) => {
      const t = Date.parse(s.startedAt);
      const level = s.grade ? GRADE_SCALE.indexOf(s.grade as (typeof GRADE_SCALE)[number]) : -1;
      return {
        t,
        ip: s.ip,
        daysLeft: s.notAfter ? Math.round(((Date.parse(s.notAfter) - t) / DAY_MS) * 10) / 10 : null,
        grade: s.grade,
        gradeLevel: level >= 0 ? level : null,
        durationMs: s.durationMs,
        ok: s.outcome === "ok",
      };
    })
    .sort((a, b) => a.t - b.t);
}
