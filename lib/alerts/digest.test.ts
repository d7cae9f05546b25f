import { describe, expect, it } from "vitest";
import { buildDigest } from "./digest";
import { evaluateAlerts } from "./evaluate-alerts";
import { DEFAULT_ALERT_POLICY } from "./policy";
import { makeAssessment } from "./testing";

const NOW = new Date("2026-03-01T06:00:00Z");
const decisionsFor = (daysLeft: number, id: number) =>
  evaluateAlerts({
    endpoint: { id },
    assessment: makeAssessment({ now: NOW, leaf: { fingerprint: `a${id}`, daysLeft } }),
    previousState: null,
    policy: DEFAULT_ALERT_POLICY,
    now: NOW,
  }).decisions;

describe("buildDigest", () => {
  it("orders by severity, counts, and has one key per recipient and day", () => {
    const d = buildDigest({
      decisions: [...decisionsFor(20, 1), ...decisionsFor(3, 2)],
      day: NOW,
      recipient: "ops",
    });
    expect(d?.items.map((i) => i.threshold)).toEqual(["7d", "30d"]);
    expect(d?.title).toBe("Certwatch daily digest for 2026-03-01: 1 critical, 1 warning");
    expect(d?.dedupeKey).toBe("v1|digest|ops|2026-03-01");
  });

  it("is null on a quiet day", () => {
    expect(buildDigest({ decisions: [], day: NOW })).toBeNull();
  });
});
