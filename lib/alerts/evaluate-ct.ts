import { z } from "zod";
import { dedupeKey, normalizeFingerprint } from "./keys";
import type { AlertPolicy } from "./policy";
import type { AlertDecision, AlertFacts, AlertSeverity, AlertStatus } from "./types";

/** A certificate for a watched name found in a CT log (precertificate or final). */
export interface CtIssuance {
  /** Stable id shared by a precertificate and its final certificate: use the TBS hash without the poison. */
  id: string;
  spkiSha256: string | null;
  names: string[];
  issuer: string;
  notBefore: string;
  notAfter: string;
  logName: string | null;
}

export interface CtLogHealth {
  logId: string;
  name: string;
  /** Entries in the log not yet processed. */
  backlog: number;
  lastContactAt: string | null;
}

export const ctAlertStateSchema = z.object({
  version: z.literal(1),
  behind: z.record(z.string(), z.object({ since: z.string() })),
});
export type CtAlertState = z.infer<typeof ctAlertStateSchema>;

export function parseCtAlertState(value: unknown): CtAlertState {
  const parsed = ctAlertStateSchema.safeParse(value);
  return parsed.success ? parsed.data : { version: 1, behind: {} };
}

export interface CtIssuanceInput {
  /** Scope of the keys and the dashboard link: the watch (domain pattern) that matched. */
  watchId: string;
  issuances: CtIssuance[];
  /** SPKI hashes of keys you use (certspotter-authorize style): their certificates are expected. */
  knownSpkis: string[];
  /** Issuance ids already known (e.g. certificates seen on your endpoints). */
  knownIds: string[];
  policy: AlertPolicy;
  now: Date;
}

export interface CtHealthInput {
  previousState: CtAlertState;
  logs: CtLogHealth[];
  policy: AlertPolicy;
  now: Date;
}

export interface CtHealthEvaluation {
  decisions: AlertDecision[];
  nextState: CtAlertState;
}

interface CtSpec {
  event: "ct_unexpected_issuance" | "ct_watcher_behind" | "ct_log_misbehaving";
  status: AlertStatus;
  severity: AlertSeverity;
  fingerprint: string | null;
  threshold: string | null;
  episode: string | null;
  title: string;
  advice: string;
  facts: AlertFacts;
  linkPath: string;
}

function ctDecision(scope: string, now: Date, s: CtSpec): AlertDecision {
  const { episode, linkPath, ...rest } = s;
  const key = dedupeKey({ scope, ip: null, ...rest, episode, resolved: s.status === "resolved" });
  return { dedupeKey: key, endpointId: null, ip: null, ...rest, linkPath, occurredAt: now.toISOString() };
}

function allowedIssuer(policy: AlertPolicy, issuer: string): boolean {
  if (policy.ctAllowedIssuers.length === 0) return true;
  const dn = issuer.toLowerCase();
  return policy.ctAllowedIssuers.some((f) => dn.includes(f.toLowerCase()));
}

/**
 * Certificates for watched names that no known key or certificate explains. No state needed: the key
 * is stable per certificate, so re-reading a log range cannot send one twice.
 */
export function evaluateCtIssuances(input: CtIssuanceInput): AlertDecision[] {
  const ids = new Set(input.knownIds.map(normalizeFingerprint));
  const spkis = new Set(input.knownSpkis.map(normalizeFingerprint));
  const out = new Map<string, AlertDecision>();
  for (const i of input.issuances) {
    const id = normalizeFingerprint(i.id);
    if (ids.has(id) || (i.spkiSha256 && spkis.has(normalizeFingerprint(i.spkiSha256))) || out.has(id))
      continue;
    const allowed = allowedIssuer(input.policy, i.issuer);
    const first = i.names[0] ?? "(no name)";
    const more = i.names.length > 1 ? ` and ${i.names.length - 1} more` : "";
    out.set(
      id,
      ctDecision(`ct:${input.watchId}`, input.now, {
        event: "ct_unexpected_issuance",
        status: "firing",
        severity: allowed ? "warning" : "critical",
        fingerprint: id,
        threshold: null,
        episode: null,
        title: `Unexpected certificate for ${first}${more}${allowed ? "" : " from a CA you did not allow"}`,
        advice:
          "If nobody on your team requested it, revoke it through the issuing CA and find out who could pass domain validation; otherwise add its key to the known list.",
        facts: {
          names: i.names,
          issuer: i.issuer,
          notBefore: i.notBefore,
          notAfter: i.notAfter,
          ...(i.logName ? { logName: i.logName } : {}),
        },
        linkPath: `/ct/${encodeURIComponent(input.watchId)}`,
      }),
    );
  }
  return keep(input.policy, [...out.values()]);
}

export interface CtMisbehaviour {
  logId: string;
  name: string;
  /** What did not verify (bad signature, Merkle root mismatch), from the refused pass. */
  reason: string;
  /** When this episode began: repeated refusals within it alert once. */
  since: string;
}

/** A log served data that does not verify: the watcher refused it and rewound; the admins hear once. */
export function evaluateCtMisbehaviour(m: CtMisbehaviour, policy: AlertPolicy, now: Date): AlertDecision[] {
  const decision = ctDecision("ct-watcher", now, {
    event: "ct_log_misbehaving",
    status: "firing",
    severity: "critical",
    fingerprint: null,
    threshold: m.logId,
    episode: m.since,
    title: `CT log ${m.name} served data that does not verify`,
    advice:
      "Certwatch refused the data and keeps retrying from the last verified position. Check that the configured key belongs to this log; if it does, report the log to its operator and the CT policy community.",
    facts: { logName: m.name, since: m.since, detail: m.reason },
    linkPath: "/ct/logs",
  });
  return keep(policy, [decision]);
}

function keep(policy: AlertPolicy, decisions: AlertDecision[]): AlertDecision[] {
  return decisions.filter(
    (d) => !policy.disabledEvents.includes(d.event) && (policy.notifyResolved || d.status !== "resolved"),
  );
}

function isBehind(policy: AlertPolicy, log: CtLogHealth, now: Date): boolean {
  const contacted = log.lastContactAt ? Date.parse(log.lastContactAt) : Number.NaN;
  const stale = !Number.isFinite(contacted) || now.getTime() - contacted > policy.ctBehindMinutes * 60_000;
  return stale || log.backlog > policy.ctMaxBacklog;
}

/** The watcher's own health per log (CT.md section 8): fires when a log is behind, resolves when caught up. */
export function evaluateCtHealth(input: CtHealthInput): CtHealthEvaluation {
  const behind = { ...input.previousState.behind };
  const decisions: AlertDecision[] = [];
  for (const log of input.logs) {
    const open = behind[log.logId];
    const behindNow = isBehind(input.policy, log, input.now);
    if (behindNow === Boolean(open)) continue;
    const since = open?.since ?? input.now.toISOString();
    if (behindNow) behind[log.logId] = { since };
    else delete behind[log.logId];
    decisions.push(
      ctDecision("ct-watcher", input.now, {
        event: "ct_watcher_behind",
        status: behindNow ? "firing" : "resolved",
        severity: behindNow ? "warning" : "info",
        fingerprint: null,
        threshold: log.logId,
        episode: since,
        title: behindNow ? `CT watcher behind on ${log.name}` : `CT watcher caught up on ${log.name}`,
        advice: behindNow
          ? "Certificates logged meanwhile are not checked yet: look at the CT worker's logs (rate limits, log outages) and its throughput."
          : "Nothing to do; entries logged meanwhile are being checked.",
        facts: { logName: log.name, backlog: log.backlog, lastContactAt: log.lastContactAt, since },
        linkPath: "/ct",
      }),
    );
  }
  return { decisions: keep(input.policy, decisions), nextState: { version: 1, behind } };
}
