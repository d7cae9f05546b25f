import type { AlertEventKind, EndpointId } from "./types";

export interface DedupeParts {
  /** Endpoint id, or "ct:<watch>" for Certificate Transparency alerts. */
  scope: EndpointId;
  ip: string | null;
  fingerprint: string | null;
  event: AlertEventKind;
  threshold: string | null;
  /** When the condition opened: lets a condition that cleared fire again later. */
  episode?: string | null;
  resolved?: boolean;
}

const KEY_VERSION = "v1";

function part(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "-";
  return String(value).replace(/[%|]/g, (c) => encodeURIComponent(c));
}

/**
 * The key the DB records under a unique constraint before enqueueing, so each alert is sent once.
 * Readable on purpose (an operator can grep it) and versioned so the format can change safely.
 */
export function dedupeKey(p: DedupeParts): string {
  const parts = [KEY_VERSION, part(p.scope), part(p.ip), part(p.fingerprint), p.event, part(p.threshold)];
  if (p.episode) parts.push(part(p.episode));
  if (p.resolved) parts.push("resolved");
  return parts.join("|");
}

/** Lower-case hex without separators, so "AB:CD" and "abcd" name the same certificate. */
export function normalizeFingerprint(fp: string): string {
  return fp.replace(/[^0-9a-fA-F]/g, "").toLowerCase();
}
