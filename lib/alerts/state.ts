import { z } from "zod";

// The per endpoint+IP state the DB layer persists between scans (as JSON). Versioned and
// validated on read so a schema change or a corrupt row starts fresh instead of crashing a job.

const isoDate = z.string().min(1).max(40);

const certRefSchema = z.object({ fingerprint: z.string(), notAfter: isoDate });

export const expiryStateSchema = z.record(
  z.string(),
  z.object({ notAfter: isoDate, recorded: z.array(z.string()).max(32) }),
);
export type ExpiryState = z.infer<typeof expiryStateSchema>;

export const renewalStateSchema = z.object({
  confirmed: certRefSchema.nullable(),
  pending: certRefSchema.extend({ count: z.number().int().min(0) }).nullable(),
});
export type RenewalState = z.infer<typeof renewalStateSchema>;

export const failingStateSchema = z.object({
  consecutive: z.number().int().min(0),
  since: isoDate.nullable(),
  active: z.boolean(),
  lastError: z.string().max(500).nullable(),
});
export type FailingState = z.infer<typeof failingStateSchema>;

const openConditionSchema = z.object({ since: isoDate, fingerprint: z.string().nullable() });
export type OpenCondition = z.infer<typeof openConditionSchema>;

export const trustStateSchema = z.object({
  revoked: openConditionSchema.optional(),
  chain_untrusted: openConditionSchema.optional(),
  chain_incomplete: openConditionSchema.optional(),
  hostname_mismatch: openConditionSchema.optional(),
});
export type TrustState = z.infer<typeof trustStateSchema>;

const gradeLetter = z.enum(["A+", "A", "A-", "B", "C", "D", "E", "F", "T", "M"]);
export const gradeStateSchema = z.object({
  last: gradeLetter.nullable(),
  /** The grade before an open drop; null when no drop is open. */
  baseline: gradeLetter.nullable(),
  /** The worst grade seen during the open drop: only a drop below it alerts again. */
  worst: gradeLetter.nullable(),
  since: isoDate.nullable(),
});
export type GradeState = z.infer<typeof gradeStateSchema>;

export const alertStateSchema = z.object({
  version: z.literal(1),
  expiry: expiryStateSchema,
  renewal: renewalStateSchema,
  failing: failingStateSchema,
  trust: trustStateSchema,
  grade: gradeStateSchema,
});
export type AlertState = z.infer<typeof alertStateSchema>;

export function initialAlertState(): AlertState {
  return {
    version: 1,
    expiry: {},
    renewal: { confirmed: null, pending: null },
    failing: { consecutive: 0, since: null, active: false, lastError: null },
    trust: {},
    grade: { last: null, baseline: null, worst: null, since: null },
  };
}

/** Reads persisted state; anything unreadable (old version, corrupt JSON value) starts fresh. */
export function parseAlertState(value: unknown): AlertState {
  const parsed = alertStateSchema.safeParse(value);
  return parsed.success ? parsed.data : initialAlertState();
}
