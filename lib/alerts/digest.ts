import type { AlertDecision, AlertSeverity } from "./types";

export interface AlertDigest {
  /** One digest per recipient and UTC day: record it like any alert key. */
  dedupeKey: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  title: string;
  counts: Record<AlertSeverity, number>;
  /** Most severe first, then oldest first. */
  items: AlertDecision[];
}

const RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** The optional daily digest: the day's decisions in one message. Null when there is nothing to say. */
export function buildDigest(input: {
  decisions: AlertDecision[];
  day: Date;
  recipient?: string;
}): AlertDigest | null {
  if (input.decisions.length === 0) return null;
  const day = input.day.toISOString().slice(0, 10);
  const items = [...input.decisions].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || a.occurredAt.localeCompare(b.occurredAt),
  );
  const counts: Record<AlertSeverity, number> = { critical: 0, warning: 0, info: 0 };
  for (const d of items) counts[d.severity] += 1;
  const parts = [
    counts.critical ? `${counts.critical} critical` : "",
    counts.warning ? `${counts.warning} warning${counts.warning === 1 ? "" : "s"}` : "",
    counts.info ? `${counts.info} notice${counts.info === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  const recipient = (input.recipient ?? "-").replace(/[%|]/g, (c) => encodeURIComponent(c));
  return {
    dedupeKey: `v1|digest|${recipient}|${day}`,
    day,
    title: `Certwatch daily digest for ${day}: ${parts.join(", ")}`,
    counts,
    items,
  };
}
