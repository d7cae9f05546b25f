import type { AlertDigest } from "@/lib/alerts/digest";
import type { AlertDecision, AlertFacts } from "@/lib/alerts/types";
import type { MessageField, NeutralMessage } from "./types";

export interface RenderOptions {
  /** Dashboard base URL, e.g. "https://certwatch.example.com"; links are left out without it. */
  baseUrl: string | null;
}

/** "2026-03-06 06:00 UTC": unambiguous for a team spread over time zones. */
export function formatUtc(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function absoluteLink(baseUrl: string | null, path: string): string | null {
  if (!baseUrl) return null;
  try {
    const base = new URL(baseUrl);
    if (base.protocol !== "https:" && base.protocol !== "http:") return null;
    return `${base.origin}${base.pathname.replace(/\/+$/, "")}${path}`;
  } catch {
    return null;
  }
}

function daysText(days: number): string {
  if (days < 0) return `expired ${-days} day${days === -1 ? "" : "s"} ago`;
  return `${days} day${days === 1 ? "" : "s"} left`;
}

function endpointText(f: AlertFacts): string | null {
  if (!f.host) return null;
  const hostPort = `${f.host}:${f.port ?? 443}`;
  return f.endpointName && f.endpointName !== f.host ? `${f.endpointName} (${hostPort})` : hostPort;
}

function factFields(d: AlertDecision): MessageField[] {
  const f = d.facts;
  const rows: [string, string | null | undefined][] = [
    ["Endpoint", endpointText(f)],
    ["IP address", d.ip],
    [
      "Certificate",
      f.subject ? `${f.certificateRole === "intermediate" ? "Intermediate " : ""}${f.subject}` : null,
    ],
    ["Names", f.names?.length ? f.names.slice(0, 8).join(", ") + (f.names.length > 8 ? ", …" : "") : null],
    [
      "Expires",
      f.notAfter
        ? `${formatUtc(f.notAfter)}${f.daysLeft !== undefined ? ` (${daysText(f.daysLeft)})` : ""}`
        : null,
    ],
    ["Issuer", f.issuer],
    ["Grade", f.grade ? (f.previousGrade ? `${f.grade} (was ${f.previousGrade})` : f.grade) : null],
    [
      "Previous certificate",
      f.previousFingerprint
        ? `SHA-256 ${f.previousFingerprint.slice(0, 16)}…, expires ${f.previousNotAfter ? formatUtc(f.previousNotAfter) : "?"}`
        : null,
    ],
    ["Failed scans in a row", f.consecutiveFailures !== undefined ? String(f.consecutiveFailures) : null],
    ["Last error", f.error],
    ["Since", f.since ? formatUtc(f.since) : null],
    ["CT log", f.logName],
    ["Backlog", f.backlog !== undefined ? `${f.backlog} entries` : null],
    ["SHA-256", d.fingerprint],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1])).map(([label, value]) => ({ label, value }));
}

/** The neutral message for one decision: what happened, where, days left in UTC, grade, what to do, a link. */
export function renderMessage(d: AlertDecision, opts: RenderOptions): NeutralMessage {
  const summary = [`${d.title}.`];
  if (d.facts.detail) summary.push(d.facts.detail);
  return {
    id: d.dedupeKey,
    kind: "alert",
    event: d.event,
    status: d.status,
    severity: d.severity,
    title: d.title,
    summary,
    fields: factFields(d),
    advice: d.advice,
    link: absoluteLink(opts.baseUrl, d.linkPath),
    occurredAt: d.occurredAt,
    data: {
      dedupeKey: d.dedupeKey,
      endpointId: d.endpointId,
      ip: d.ip,
      fingerprint: d.fingerprint,
      threshold: d.threshold,
      facts: d.facts,
    },
  };
}

/** The daily digest as one message: a line per alert, most severe first. */
export function renderDigest(digest: AlertDigest, opts: RenderOptions): NeutralMessage {
  const worst = digest.counts.critical ? "critical" : digest.counts.warning ? "warning" : "info";
  return {
    id: digest.dedupeKey,
    kind: "digest",
    event: "digest",
    status: "info",
    severity: worst,
    title: digest.title,
    summary: digest.items.map((d) => `[${d.severity}] ${d.title}`),
    fields: [
      { label: "Critical", value: String(digest.counts.critical) },
      { label: "Warnings", value: String(digest.counts.warning) },
      { label: "Notices", value: String(digest.counts.info) },
    ],
    advice: null,
    link: absoluteLink(opts.baseUrl, "/alerts"),
    occurredAt: `${digest.day}T00:00:00.000Z`,
    data: { day: digest.day, counts: digest.counts, items: digest.items.map((d) => renderMessage(d, opts)) },
  };
}

/** What a channel's "Send test" button delivers. */
export function testMessage(now: Date, opts: RenderOptions): NeutralMessage {
  return {
    id: `v1|test|${now.toISOString()}`,
    kind: "test",
    event: "test",
    status: "info",
    severity: "info",
    title: "Certwatch test notification",
    summary: ["This channel is set up correctly: alerts will arrive here."],
    fields: [],
    advice: null,
    link: absoluteLink(opts.baseUrl, "/settings/channels"),
    occurredAt: now.toISOString(),
    data: {},
  };
}
