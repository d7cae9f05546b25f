import { describe, expect, it } from "vitest";
import { evaluateAlerts } from "./evaluate-alerts";
import { DEFAULT_ALERT_POLICY, resolvePolicy } from "./policy";
import { type AssessmentSpec, makeAssessment, runScans } from "./testing";

const DAY = 86_400_000;
const T0 = new Date("2026-03-01T06:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const policy = DEFAULT_ALERT_POLICY;

function firstScan(spec: AssessmentSpec, p = policy) {
  return evaluateAlerts({
    endpoint: { id: 7 },
    assessment: makeAssessment(spec),
    previousState: null,
    policy: p,
    now: spec.now,
  });
}

describe("expiry thresholds (issue scenario)", () => {
  it("5, 10, 20, 40 days left: exactly one 7-day, one 14-day, one 30-day alert, none at 40", () => {
    const sent = [5, 10, 20, 40].map((d) =>
      firstScan({ now: T0, leaf: { fingerprint: `fp${d}`, daysLeft: d } }).decisions.map((x) => x.threshold),
    );
    expect(sent).toEqual([["7d"], ["14d"], ["30d"], []]);
  });

  it("first scan with 5 days left sends only the 7-day alert and passes 14 and 30", () => {
    const r = firstScan({ now: T0, leaf: { fingerprint: "aa", daysLeft: 5 } });
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]).toMatchObject({
      event: "expiry",
      threshold: "7d",
      severity: "critical",
      fingerprint: "aa",
    });
    expect(r.passed.map((p) => p.threshold).sort()).toEqual(["14d", "30d"]);
    expect(r.passed[0]!.dedupeKey).toBe(`v1|7|192.0.2.10|aa|expiry|${r.passed[0]!.threshold}`);
    expect(r.nextState.expiry.aa!.recorded.sort()).toEqual(["14d", "30d", "7d"]);
  });

  it("scanning again with the same state sends nothing more", () => {
    const steps = runScans(
      [0, 0.5, 1].map((d) => ({ now: at(d), leaf: { fingerprint: "aa", notAfter: at(5) } })),
      policy,
    );
    expect(steps.flatMap((s) => s.decisions)).toHaveLength(1);
  });

  it("a 90-day certificate scanned daily to past expiry alerts at 30, 14, 7 and expired, once each", () => {
    const scans = Array.from({ length: 50 }, (_, i) => ({
      now: at(i),
      leaf: { fingerprint: "bb", notAfter: at(45) },
    }));
    const sent = runScans(scans, policy).flatMap((s, day) => s.decisions.map((d) => [day, d.threshold]));
    expect(sent).toEqual([
      [15, "30d"],
      [31, "14d"],
      [38, "7d"],
      [45, "expired"],
    ]);
  });

  it("titles say days left and the expiry date travels in the facts", () => {
    const r = firstScan({ now: T0, leaf: { fingerprint: "aa", daysLeft: 5.5 } });
    expect(r.decisions[0]!.title).toBe("Certificate on example.com expires in 5 days");
    expect(r.decisions[0]!.facts).toMatchObject({ daysLeft: 5, host: "example.com", grade: "A" });
    const expired = firstScan({ now: T0, leaf: { fingerprint: "aa", daysLeft: -2.5 } });
    expect(expired.decisions[0]!.title).toBe("Certificate on example.com expired 2 days ago");
    expect(expired.decisions[0]!.threshold).toBe("expired");
    expect(expired.passed).toHaveLength(3);
  });
});

describe("short-lived certificates", () => {
  const hourly = (p = policy) =>
    runScans(
      Array.from({ length: 6 * 24 }, (_, h) => ({
        now: new Date(T0.getTime() + h * 3_600_000),
        leaf: { fingerprint: "short", notAfter: at(6), lifetimeDays: 6 },
      })),
      p,
    );

  it("a 6-day certificate scanned hourly across its life alerts once, at a third of its lifetime", () => {
    const steps = hourly();
    const sent = steps.flatMap((s, h) => s.decisions.map((d) => ({ h, t: d.threshold })));
    expect(sent).toEqual([{ h: 97, t: "33pct" }]);
  });

  it("without a percentage it stays quiet until expiry instead of alerting from day one", () => {
    const steps = hourly(resolvePolicy({ endpoint: { lifetimePercent: null } }));
    expect(steps.flatMap((s) => s.decisions)).toEqual([]);
  });

  it("skips a days threshold longer than half the lifetime (47-day certificates: no 30-day alert)", () => {
    const scans = Array.from({ length: 48 }, (_, i) => ({
      now: at(i),
      leaf: { fingerprint: "c47", notAfter: at(47), lifetimeDays: 47 },
    }));
    const sent = runScans(scans, policy).flatMap((s) => s.decisions.map((d) => d.threshold));
    expect(sent).toEqual(["14d", "7d", "expired"]);
  });
});

describe("intermediates", () => {
  const intermediate = (days: number, subject = "CN=Test Intermediate", issuer = "CN=Test Root") => ({
    subject,
    issuer,
    notAfter: new Date(T0.getTime() + days * DAY).toISOString(),
    fingerprintSha256: `int-${subject}`,
    signatureAlgorithm: null,
    keyBits: 256,
  });

  it("alert on an intermediate that expires while the leaf is fine", () => {
    const r = firstScan({
      now: T0,
      leaf: { fingerprint: "leaf", daysLeft: 80 },
      intermediates: [intermediate(10)],
    });
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]).toMatchObject({ threshold: "14d", facts: { certificateRole: "intermediate" } });
    expect(r.decisions[0]!.title).toContain("Intermediate certificate CN=Test Intermediate");
  });

  it("ignores a presented root and can be turned off", () => {
    const root = intermediate(3, "CN=Old Root", "CN=Old Root");
    expect(
      firstScan({ now: T0, leaf: { fingerprint: "leaf", daysLeft: 80 }, intermediates: [root] }).decisions,
    ).toEqual([]);
    const off = resolvePolicy({ endpoint: { includeIntermediates: false } });
    const spec = { now: T0, leaf: { fingerprint: "leaf", daysLeft: 80 }, intermediates: [intermediate(3)] };
    expect(firstScan(spec, off).decisions).toEqual([]);
  });
});

describe("re-arming and flapping", () => {
  it("a renewed certificate re-arms the thresholds; a CDN alternating old and new does not re-fire", () => {
    const old = { fingerprint: "01d0", notAfter: at(5) };
    const fresh = { fingerprint: "0e70", notAfter: at(35) };
    const scans = Array.from({ length: 12 }, (_, i) => ({
      now: at(i * 0.1),
      leaf: i % 2 === 0 ? old : fresh,
    }));
    scans.push({ now: at(6), leaf: fresh });
    const sent = runScans(scans, policy).flatMap((s) =>
      s.decisions.map((d) => `${d.fingerprint}:${d.threshold}`),
    );
    expect(sent).toEqual(["01d0:7d", "0e70:30d"]);
  });

  it("a threshold added later than a more urgent one already sent is passed, not sent", () => {
    const first = firstScan({ now: T0, leaf: { fingerprint: "aa", daysLeft: 5 } });
    const wider = resolvePolicy({ endpoint: { expiryDays: [30, 21, 14, 7] } });
    const again = evaluateAlerts({
      endpoint: { id: 7 },
      assessment: makeAssessment({ now: at(0.5), leaf: { fingerprint: "aa", notAfter: at(5) } }),
      previousState: first.nextState,
      policy: wider,
      now: at(0.5),
    });
    expect(again.decisions).toEqual([]);
    expect(again.passed.map((p) => p.threshold)).toEqual(["21d"]);
  });
});
