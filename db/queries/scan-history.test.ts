import { describe, expect, it } from "vitest";
import { GRADE_SCALE } from "@/lib/assessment/history";
import type { ScanRow } from "../schema";
import { toHistoryPoints } from "./scan-history";

function scan(over: Partial<ScanRow>): ScanRow {
  return {
    id: 1,
    endpointId: 1,
    jobId: "j",
    ip: "127.0.0.1",
    startedAt: "2026-11-01T00:00:00.000Z",
    finishedAt: "2026-11-01T00:00:01.000Z",
    durationMs: 90,
    outcome: "ok",
    errorCode: null,
    errorMessage: null,
    errorHint: null,
    leafFingerprint: null,
    notAfter: "2026-11-11T12:00:00.000Z",
    trusted: true,
    hostnameMatch: true,
    grade: "A",
    facts: null,
    ...over,
  };
}

describe("toHistoryPoints", () => {
  it("orders points oldest first and computes days left at each scan", () => {
    const points = toHistoryPoints([
      scan({ id: 2, startedAt: "2026-11-02T00:00:00.000Z", grade: "B" }),
      scan({ id: 1 }),
    ]);
    expect(points.map((p) => p.daysLeft)).toEqual([10.5, 9.5]);
    expect(points.map((p) => p.grade)).toEqual(["A", "B"]);
    expect(points[0]!.gradeLevel).toBeGreaterThan(points[1]!.gradeLevel!);
  });

  it("keeps failed and ungraded scans as gaps, not zeros", () => {
    const [p] = toHistoryPoints([scan({ outcome: "error", notAfter: null, grade: null })]);
    expect(p).toMatchObject({ ok: false, daysLeft: null, gradeLevel: null });
  });

  it("ranks T and M below F and A+ on top", () => {
    expect(GRADE_SCALE.indexOf("T")).toBeLessThan(GRADE_SCALE.indexOf("F"));
    expect(GRADE_SCALE.at(-1)).toBe("A+");
  });
});
