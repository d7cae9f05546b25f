import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_POLICY, resolvePolicy } from "./policy";
import { type AssessmentSpec, runScans } from "./testing";

const T0 = new Date("2026-03-01T06:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const LEAF = { fingerprint: "aa", daysLeft: 80 };
const ERR = {
  code: "TLS_CONNECT_REFUSED",
  message: "connection refused",
  hint: "Is the service listening on 443?",
};

function series(pattern: string): AssessmentSpec[] {
  return [...pattern].map((c, i) => (c === "x" ? { now: at(i), error: ERR } : { now: at(i), leaf: LEAF }));
}
const events = (pattern: string, policy = DEFAULT_ALERT_POLICY) =>
  runScans(series(pattern), policy).map((s) => s.decisions.map((d) => d.status).join(","));

describe("endpoint failing", () => {
  it("fires on the Nth consecutive failure, once, and resolves on the first success", () => {
    expect(events(".xxxxx..")).toEqual(["", "", "", "firing", "", "", "resolved", ""]);
  });

  it("a single failure between successes stays quiet", () => {
    expect(events(".x.x.xx.").every((e) => e === "")).toBe(true);
  });

  it("puts the scan error and its hint in the alert", () => {
    const steps = runScans(series(".xxx"), DEFAULT_ALERT_POLICY);
    const d = steps[3]!.decisions[0]!;
    expect(d).toMatchObject({
      event: "endpoint_failing",
      severity: "critical",
      threshold: "3x",
      fingerprint: null,
    });
    expect(d.facts).toMatchObject({
      consecutiveFailures: 3,
      error: "TLS_CONNECT_REFUSED: connection refused",
    });
    expect(d.advice).toBe(ERR.hint);
    expect(d.title).toContain("3 scans in a row");
  });

  it("a second outage is a new episode with new keys", () => {
    const keys = runScans(series(".xxx.xxx."), DEFAULT_ALERT_POLICY).flatMap((s) =>
      s.decisions.map((d) => d.dedupeKey),
    );
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    expect(keys[1]).toBe(`${keys[0]}|resolved`);
  });

  it("respects the configured count and the resolved-notice switch", () => {
    const policy = resolvePolicy({ tags: [{ failingAfter: 1, notifyResolved: false }] });
    expect(events(".x.", policy)).toEqual(["", "firing", ""]);
  });

  it("keeps the other families' state through an outage (no expiry re-fire afterwards)", () => {
    const scans: AssessmentSpec[] = [
      { now: at(0), leaf: { fingerprint: "aa", daysLeft: 5 } },
      { now: at(1), error: ERR },
      { now: at(2), leaf: { fingerprint: "aa", daysLeft: 5 } },
    ];
    const sent = runScans(scans, DEFAULT_ALERT_POLICY).flatMap((s) => s.decisions.map((d) => d.event));
    expect(sent).toEqual(["expiry"]);
  });
});
