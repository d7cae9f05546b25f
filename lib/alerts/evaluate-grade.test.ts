import { describe, expect, it } from "vitest";
import type { GradeLetter } from "@/lib/assessment/types";
import { gradeRank } from "./evaluate-grade";
import { DEFAULT_ALERT_POLICY } from "./policy";
import { runScans } from "./testing";

const T0 = new Date("2026-03-01T06:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

type G = GradeLetter | null | [GradeLetter, GradeLetter];
const run = (grades: G[]) =>
  runScans(
    grades.map((g, i) => ({
      now: at(i),
      leaf: { fingerprint: "aa", daysLeft: 80 },
      grade: Array.isArray(g) ? g[0] : g,
      ignoringTrust: Array.isArray(g) ? g[1] : undefined,
      // T and M come with their trust facts, which evaluate-trust handles.
      trusted: !(Array.isArray(g) && g[0] === "T"),
      hostnameMatch: !(Array.isArray(g) && g[0] === "M"),
    })),
    DEFAULT_ALERT_POLICY,
  ).map((s) =>
    s.decisions.filter((d) => d.event === "grade_dropped").map((d) => `${d.status}:${d.threshold}`),
  );

describe("grade dropped", () => {
  it("orders A+ > A > A- > B > C > D > E > F and keeps T/M out of the scale", () => {
    const order: GradeLetter[] = ["A+", "A", "A-", "B", "C", "D", "E", "F"];
    expect(order.map(gradeRank)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(gradeRank("T")).toBeNull();
    expect(gradeRank("M")).toBeNull();
  });

  it("fires A → B once, again on a further drop, and resolves when the grade is back", () => {
    expect(run(["A", "B", "B", "C", "B", "A", "A"])).toEqual([
      [],
      ["firing:A>B"],
      [],
      ["firing:A>C"],
      [],
      ["resolved:A"],
      [],
    ]);
  });

  it("an improvement is not an alert, and a missing grade changes nothing", () => {
    expect(run(["B", "A", null, "A+", null]).flat()).toEqual([]);
  });

  it("T and M compare on the trust-ignored grade: trust alerts say the rest", () => {
    expect(run(["A", ["T", "A"], ["M", "A"], "A"]).flat()).toEqual([]);
    expect(run(["A", ["T", "B"]]).flat()).toEqual(["firing:A>B"]);
  });

  it("a drop to F is critical", () => {
    const steps = runScans(
      (["A", "F"] as const).map((g, i) => ({
        now: at(i),
        leaf: { fingerprint: "aa", daysLeft: 80 },
        grade: g,
      })),
      DEFAULT_ALERT_POLICY,
    );
    expect(steps[1]!.decisions[0]).toMatchObject({
      severity: "critical",
      title: "example.com: grade dropped from A to F",
    });
  });
});
