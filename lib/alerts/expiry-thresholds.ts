import { DAY_MS } from "./context";
import type { AlertPolicy } from "./policy";

export interface ExpiryThreshold {
  /** Stable label used in dedupe keys: "30d", "33pct", "expired". */
  label: string;
  /** Alert once the time left is at most this. */
  remainingMs: number;
}

/**
 * Thresholds that apply to one certificate, most urgent first. A days threshold longer than half the
 * lifetime is skipped: it would be crossed every normal renewal cycle (ACME renews at about a third
 * left), and for a 6-day certificate every days threshold would be crossed on issuance (UK #6779).
 */
export function thresholdsFor(policy: AlertPolicy, lifetimeMs: number | null): ExpiryThreshold[] {
  const out: ExpiryThreshold[] = [{ label: "expired", remainingMs: 0 }];
  for (const d of policy.expiryDays) {
    if (lifetimeMs !== null && d * DAY_MS * 2 > lifetimeMs) continue;
    out.push({ label: `${d}d`, remainingMs: d * DAY_MS });
  }
  const pct = policy.lifetimePercent;
  if (pct !== null && lifetimeMs !== null && lifetimeMs <= policy.lifetimePercentMaxDays * DAY_MS) {
    out.push({ label: `${pct}pct`, remainingMs: Math.floor((lifetimeMs * pct) / 100) });
  }
  return out.sort((a, b) => a.remainingMs - b.remainingMs);
}

/** Lifetime from notBefore/notAfter, null when either date is unreadable or the order is wrong. */
export function lifetimeMs(notBefore: string | null | undefined, notAfter: string): number | null {
  if (!notBefore) return null;
  const ms = Date.parse(notAfter) - Date.parse(notBefore);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}
