import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAlerts } from "./evaluate-alerts";
import { DEFAULT_ALERT_POLICY, resolvePolicy } from "./policy";
import { alertStateSchema, initialAlertState, parseAlertState } from "./state";
import { type AssessmentSpec, makeAssessment, runScans } from "./testing";

const DAY = 86_400_000;
const T0 = new Date("2026-03-01T06:00:00Z");

const scanArb = fc.record({
  gapHours: fc.integer({ min: 1, max: 72 }),
  kind: fc.constantFrom("ok", "ok", "ok", "fail"),
  cert: fc.integer({ min: 0, max: 2 }),
  grade: fc.constantFrom("A+", "A", "B", "F", "T"),
  trusted: fc.boolean(),
  hostnameMatch: fc.boolean(),
  revocation: fc.constantFrom("good", "revoked", "unknown"),
});

type Scan = typeof scanArb extends fc.Arbitrary<infer T> ? T : never;

function toSpecs(steps: Scan[]): AssessmentSpec[] {
  let t = T0.getTime();
  // Three certificates with fixed expiries around the run, so thresholds are crossed along the way.
  const certs = [10, 40, 100].map((d, i) => ({
    fingerprint: `c${i}`,
    notAfter: new Date(T0.getTime() + d * DAY),
  }));
  return steps.map((s) => {
    t += s.gapHours * 3_600_000;
    const now = new Date(t);
    if (s.kind === "fail")
      return { now, error: { code: "TLS_CONNECT_TIMEOUT", message: "timeout", hint: null } };
    return {
      now,
      leaf: certs[s.cert]!,
      grade: s.grade,
      ignoringTrust: s.grade === "T" ? "A" : undefined,
      trusted: s.trusted,
      hostnameMatch: s.hostnameMatch,
      revocation: s.revocation,
    } as AssessmentSpec;
  });
}

describe("evaluateAlerts", () => {
  it("never produces the same dedupe key twice over any scan history (exactly once)", () => {
    fc.assert(
      fc.property(
        fc.array(scanArb, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (steps, renewalConfirmations, failingAfter) => {
          const out = runScans(
            toSpecs(steps),
            resolvePolicy({ endpoint: { renewalConfirmations, failingAfter } }),
          );
          const keys = out.flatMap((s) => [...s.decisions, ...s.passed].map((d) => d.dedupeKey));
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("is deterministic and its state survives a JSON round trip through the schema", () => {
    fc.assert(
      fc.property(fc.array(scanArb, { minLength: 1, maxLength: 30 }), (steps) => {
        let state: unknown = null;
        for (const spec of toSpecs(steps)) {
          const input = {
            endpoint: { id: 3 },
            assessment: makeAssessment(spec),
            previousState: state,
            policy: DEFAULT_ALERT_POLICY,
            now: spec.now,
          };
          const a = evaluateAlerts(input);
          expect(evaluateAlerts(input)).toEqual(a);
          expect(alertStateSchema.parse(JSON.parse(JSON.stringify(a.nextState)))).toEqual(a.nextState);
          state = JSON.parse(JSON.stringify(a.nextState));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("keys carry endpoint, IP, fingerprint, event and threshold", () => {
    const r = evaluateAlerts({
      endpoint: { id: 42, name: "Shop" },
      assessment: makeAssessment({
        now: T0,
        ip: "2001:db8::1",
        leaf: { fingerprint: "AB:CD", daysLeft: 20 },
      }),
      previousState: null,
      policy: DEFAULT_ALERT_POLICY,
      now: T0,
    });
    expect(r.decisions[0]!.dedupeKey).toBe("v1|42|2001:db8::1|abcd|expiry|30d");
    expect(r.decisions[0]).toMatchObject({ endpointId: 42, ip: "2001:db8::1", linkPath: "/endpoints/42" });
    expect(r.decisions[0]!.title).toBe("Certificate on Shop expires in 20 days");
  });

  it("drops disabled events but still moves their state", () => {
    const policy = resolvePolicy({ endpoint: { disabledEvents: ["expiry"] } });
    const steps = runScans(
      [0, 1].map((d) => ({
        now: new Date(T0.getTime() + d * DAY),
        leaf: { fingerprint: "aa", notAfter: new Date(T0.getTime() + 5 * DAY) },
      })),
      policy,
    );
    expect(steps.flatMap((s) => s.decisions)).toEqual([]);
  });

  it("starts fresh from unreadable state instead of failing the job", () => {
    expect(parseAlertState({ version: 99 })).toEqual(initialAlertState());
    expect(parseAlertState("garbage")).toEqual(initialAlertState());
  });
});
