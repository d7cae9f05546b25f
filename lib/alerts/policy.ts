import { z } from "zod";
import { CertwatchError } from "@/lib/errors";
import { ALERT_EVENT_KINDS } from "./types";

/** Alert thresholds as data: stored per endpoint, per tag and as the default, merged by resolvePolicy. */
export const alertPolicySchema = z.object({
  /** Days-left thresholds. A threshold longer than half a certificate's lifetime is skipped for it. */
  expiryDays: z.array(z.number().int().min(1).max(3650)).max(10),
  /** Also alert when less than this % of a certificate's lifetime is left; null turns it off. */
  lifetimePercent: z.number().min(1).max(99).nullable(),
  /** The percentage applies to certificates whose whole lifetime is at most this many days. */
  lifetimePercentMaxDays: z.number().int().min(1).max(3650),
  includeIntermediates: z.boolean(),
  /** Consecutive scans a new certificate must be seen on before it counts as the endpoint's certificate. */
  renewalConfirmations: z.number().int().min(1).max(20),
  /** Consecutive failed scans before "endpoint failing" fires. */
  failingAfter: z.number().int().min(1).max(100),
  notifyResolved: z.boolean(),
  /** Events evaluated (state still moves) but never sent. */
  disabledEvents: z.array(z.enum(ALERT_EVENT_KINDS)).max(ALERT_EVENT_KINDS.length),
  /** A CT log not contacted for this long counts as behind. */
  ctBehindMinutes: z.number().int().min(5).max(10_080),
  /** A CT log with more unprocessed entries than this counts as behind. */
  ctMaxBacklog: z.number().int().min(0),
  /** Case-insensitive fragments of allowed issuer DNs; an unexpected certificate from another CA is critical. */
  ctAllowedIssuers: z.array(z.string().min(1).max(200)).max(50),
});
export type AlertPolicy = z.infer<typeof alertPolicySchema>;

export const alertPolicyOverrideSchema = alertPolicySchema.partial();
export type AlertPolicyOverride = z.infer<typeof alertPolicyOverrideSchema>;

export const DEFAULT_ALERT_POLICY: AlertPolicy = {
  expiryDays: [30, 14, 7],
  lifetimePercent: 33,
  lifetimePercentMaxDays: 30,
  includeIntermediates: true,
  renewalConfirmations: 3,
  failingAfter: 3,
  notifyResolved: true,
  disabledEvents: [],
  ctBehindMinutes: 60,
  ctMaxBacklog: 100_000,
  ctAllowedIssuers: [],
};

export interface PolicyLayers {
  defaults?: AlertPolicy;
  /** Tag overrides in priority order: for each field the first tag that sets it wins. */
  tags?: AlertPolicyOverride[];
  endpoint?: AlertPolicyOverride | null;
}

/** Field by field: endpoint, then tags, then the default. Values are validated again after merging. */
export function resolvePolicy(layers: PolicyLayers): AlertPolicy {
  const merged: Record<string, unknown> = { ...(layers.defaults ?? DEFAULT_ALERT_POLICY) };
  const overrides = [...(layers.tags ?? [])].reverse();
  if (layers.endpoint) overrides.push(layers.endpoint);
  for (const o of overrides) {
    for (const [k, v] of Object.entries(o)) if (v !== undefined) merged[k] = v;
  }
  const parsed = alertPolicySchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CertwatchError(
      "ALERT_POLICY_INVALID",
      `Alert policy field "${issue?.path.join(".") ?? "?"}" is invalid: ${issue?.message ?? "unknown"}`,
      "Fix the endpoint or tag override that sets this field; the merged policy is validated as a whole.",
    );
  }
  const policy = parsed.data;
  return { ...policy, expiryDays: [...new Set(policy.expiryDays)].sort((a, b) => b - a) };
}
