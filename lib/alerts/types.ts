import type { GradeLetter } from "@/lib/assessment/types";

/** Every alert family. Resolved notices reuse the kind of what they resolve, with status "resolved". */
export const ALERT_EVENT_KINDS = [
  "expiry",
  "renewed",
  "endpoint_failing",
  "revoked",
  "chain_untrusted",
  "chain_incomplete",
  "hostname_mismatch",
  "grade_dropped",
  "ct_unexpected_issuance",
  "ct_watcher_behind",
  "ct_log_misbehaving",
] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

export type AlertStatus = "firing" | "resolved" | "info";
export type AlertSeverity = "info" | "warning" | "critical";
export type EndpointId = string | number;

/** What a message needs to say; every field is plain JSON so decisions can sit in a job payload. */
export interface AlertFacts {
  endpointName?: string | null;
  host?: string | null;
  port?: number | null;
  sni?: string | null;
  certificateRole?: "leaf" | "intermediate";
  subject?: string;
  commonName?: string | null;
  names?: string[];
  issuer?: string;
  notBefore?: string;
  notAfter?: string;
  /** Whole days left at evaluation time (negative once expired). */
  daysLeft?: number;
  grade?: GradeLetter | null;
  previousGrade?: GradeLetter | null;
  previousFingerprint?: string;
  previousNotAfter?: string;
  consecutiveFailures?: number;
  error?: string;
  since?: string;
  detail?: string;
  logName?: string;
  backlog?: number;
  lastContactAt?: string | null;
}

export interface AlertDecision {
  /** Unique per alert occurrence: the DB records it under a unique constraint before enqueueing. */
  dedupeKey: string;
  event: AlertEventKind;
  status: AlertStatus;
  severity: AlertSeverity;
  endpointId: EndpointId | null;
  ip: string | null;
  fingerprint: string | null;
  threshold: string | null;
  title: string;
  /** What to do about it, in one or two sentences. */
  advice: string;
  facts: AlertFacts;
  /** Dashboard path (joined to the base URL when rendering). */
  linkPath: string;
  occurredAt: string;
}

/** A threshold crossed together with a more urgent one: record its key, send nothing. */
export interface PassedKey {
  dedupeKey: string;
  event: AlertEventKind;
  fingerprint: string | null;
  threshold: string;
}

export interface FamilyResult<S> {
  decisions: AlertDecision[];
  passed: PassedKey[];
  state: S;
}
