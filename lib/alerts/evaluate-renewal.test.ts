import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_POLICY, resolvePolicy } from "./policy";
import { type AssessmentSpec, runScans } from "./testing";

const DAY = 86_400_000;
const T0 = new Date("2026-03-01T06:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const OLD = { fingerprint: "AA:01", notAfter: new Date(T0.getTime() + 40 * DAY) };
const NEW = { fingerprint: "BB:02", notAfter: new Date(T0.getTime() + 90 * DAY) };

const renewedOf = (scans: AssessmentSpec[], policy = DEFAULT_ALERT_POLICY) =>
  runScans(scans, policy).map((s) => s.decisions.filter((d) => d.event === "renewed"));

describe("renewal", () => {
  it("takes the first certificate as the baseline without a notice", () => {
    expect(renewedOf([{ now: at(0), leaf: OLD }]).flat()).toEqual([]);
  });

  it("notifies once, after the new certificate held for N consecutive scans", () => {
    const scans = [OLD, NEW, NEW, NEW, NEW, NEW].map((leaf, i) => ({ now: at(i), leaf }));
    const perScan = renewedOf(scans);
    expect(perScan.map((d) => d.length)).toEqual([0, 0, 0, 1, 0, 0]);
    const d = perScan[3]![0]!;
    expect(d).toMatchObject({
      status: "info",
      severity: "info",
      fingerprint: "bb02",
      threshold: "from:aa01",
    });
    expect(d.title).toBe("Certificate on example.com renewed (89 days left)");
    expect(d.facts).toMatchObject({
      previousFingerprint: "aa01",
      previousNotAfter: OLD.notAfter.toISOString(),
    });
  });

  it("a CDN serving old and new alternately never confirms, so nothing flaps", () => {
    const scans = Array.from({ length: 30 }, (_, i) => ({ now: at(i), leaf: i % 2 ? NEW : OLD }));
    expect(renewedOf(scans).flat()).toEqual([]);
    // Two in a row and then the old one again: still not confirmed.
    expect(renewedOf([OLD, NEW, NEW, OLD, NEW].map((leaf, i) => ({ now: at(i), leaf }))).flat()).toEqual([]);
  });

  it("a failed scan in between neither confirms nor resets the count", () => {
    const failed = { code: "TLS_CONNECT_TIMEOUT", message: "timed out", hint: null };
    const scans: AssessmentSpec[] = [
      { now: at(0), leaf: OLD },
      { now: at(1), leaf: NEW },
      { now: at(2), error: failed },
      { now: at(3), leaf: NEW },
      { now: at(4), leaf: NEW },
    ];
    expect(renewedOf(scans).map((d) => d.length)).toEqual([0, 0, 0, 0, 1]);
  });

  it("calls an earlier-expiring replacement a change, and honours the confirmation count", () => {
    const policy = resolvePolicy({ endpoint: { renewalConfirmations: 1 } });
    const shorter = { fingerprint: "cc03", notAfter: new Date(T0.getTime() + 10 * DAY) };
    const [, [d]] = renewedOf(
      [
        { now: at(0), leaf: OLD },
        { now: at(1), leaf: shorter },
      ],
      policy,
    ) as [unknown, [{ title: string }]];
    expect(d.title).toMatch(/^Certificate on example.com changed/);
  });

  it("going back to an older certificate is a change with its own key", () => {
    const policy = resolvePolicy({ endpoint: { renewalConfirmations: 1 } });
    const keys = renewedOf(
      [OLD, NEW, OLD, NEW].map((leaf, i) => ({ now: at(i), leaf })),
      policy,
    )
      .flat()
      .map((d) => d.dedupeKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });
});
