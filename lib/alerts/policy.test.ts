import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { alertPolicyOverrideSchema, DEFAULT_ALERT_POLICY, resolvePolicy } from "./policy";

describe("resolvePolicy", () => {
  it("merges endpoint over tags over the default, field by field", () => {
    const p = resolvePolicy({
      tags: [
        { expiryDays: [21, 7], failingAfter: 5 },
        { expiryDays: [60], renewalConfirmations: 2 },
      ],
      endpoint: { failingAfter: 2 },
    });
    expect(p.expiryDays).toEqual([21, 7]);
    expect(p.renewalConfirmations).toBe(2);
    expect(p.failingAfter).toBe(2);
    expect(p.lifetimePercent).toBe(DEFAULT_ALERT_POLICY.lifetimePercent);
  });

  it("sorts and de-duplicates days and lets an override switch the percentage off", () => {
    const p = resolvePolicy({ endpoint: { expiryDays: [7, 30, 7, 14], lifetimePercent: null } });
    expect(p.expiryDays).toEqual([30, 14, 7]);
    expect(p.lifetimePercent).toBeNull();
  });

  it("rejects an invalid merged value with a typed error naming the field", () => {
    const bad = () => resolvePolicy({ endpoint: { renewalConfirmations: 0 } });
    expect(bad).toThrow(CertwatchError);
    expect(bad).toThrow(/renewalConfirmations/);
  });

  it("validates overrides from forms and the API", () => {
    expect(alertPolicyOverrideSchema.safeParse({ expiryDays: [30, "x"] }).success).toBe(false);
    expect(alertPolicyOverrideSchema.safeParse({ disabledEvents: ["renewed"] }).success).toBe(true);
    expect(alertPolicyOverrideSchema.safeParse({ disabledEvents: ["nope"] }).success).toBe(false);
  });
});
