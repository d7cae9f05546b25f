import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_POLICY } from "./policy";
import { type AssessmentSpec, runScans } from "./testing";

const T0 = new Date("2026-03-01T06:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const LEAF = { fingerprint: "aa", daysLeft: 80 };

type Facts = Omit<AssessmentSpec, "now">;
const run = (facts: Facts[]) =>
  runScans(
    facts.map((f, i) => ({ now: at(i), leaf: LEAF, ...f })),
    DEFAULT_ALERT_POLICY,
  ).map((s) => s.decisions.map((d) => `${d.event}:${d.status}`));

describe("trust conditions", () => {
  it("revoked fires on the transition, an unknown status changes nothing, good resolves", () => {
    expect(
      run([
        { revocation: "good" },
        { revocation: "revoked" },
        { revocation: "revoked" },
        { revocation: "unknown" },
        { revocation: "good" },
      ]),
    ).toEqual([[], ["revoked:firing"], [], [], ["revoked:resolved"]]);
  });

  it("a revoked certificate replaced by one of unknown status resolves", () => {
    const steps = run([
      { revocation: "revoked" },
      { revocation: "unknown", leaf: { fingerprint: "bb", daysLeft: 90 } },
    ]);
    expect(steps[1]).toEqual(["revoked:resolved"]);
  });

  it("an incomplete chain raises only 'incomplete', not also 'untrusted'", () => {
    expect(
      run([
        { complete: false, trusted: false },
        { complete: true, trusted: true },
      ]),
    ).toEqual([["chain_incomplete:firing"], ["chain_incomplete:resolved"]]);
  });

  it("untrusted and hostname mismatch fire and resolve", () => {
    expect(run([{}, { trusted: false, hostnameMatch: false }, {}])).toEqual([
      [],
      ["chain_untrusted:firing", "hostname_mismatch:firing"],
      ["chain_untrusted:resolved", "hostname_mismatch:resolved"],
    ]);
  });

  it("an expired leaf gets the expiry alert, not a second 'untrusted' one", () => {
    const steps = run([{ trusted: false, leaf: { fingerprint: "aa", daysLeft: -1 } }]);
    expect(steps[0]).toEqual(["expiry:firing"]);
  });

  it("each episode has its own keys so a condition can fire again after it cleared", () => {
    const steps = runScans(
      [false, true, false, true].map((mismatch, i) => ({ now: at(i), leaf: LEAF, hostnameMatch: !mismatch })),
      DEFAULT_ALERT_POLICY,
    );
    const keys = steps.flatMap((s) => s.decisions.map((d) => d.dedupeKey));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });

  it("names the certificate's SANs in a mismatch alert", () => {
    const [, [d]] = runScans(
      [
        { now: at(0), leaf: LEAF },
        { now: at(1), leaf: LEAF, hostnameMatch: false },
      ],
      DEFAULT_ALERT_POLICY,
    ).map((s) => s.decisions) as [unknown, [{ facts: { detail?: string }; severity: string }]];
    expect(d.facts.detail).toBe("Names on the certificate: example.com, www.example.com");
    expect(d.severity).toBe("critical");
  });
});
