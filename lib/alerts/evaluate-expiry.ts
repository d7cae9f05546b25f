import type { CertificateFacts, ChainCertificate } from "@/lib/assessment/types";
import { baseFacts, DAY_MS, daysUntil, type EvalContext, endpointDecision, endpointLabel } from "./context";
import { type ExpiryThreshold, lifetimeMs, thresholdsFor } from "./expiry-thresholds";
import { dedupeKey, normalizeFingerprint } from "./keys";
import type { ExpiryState } from "./state";
import type { AlertDecision, FamilyResult, PassedKey } from "./types";

/** Records of certificates no longer served are kept this long after expiry, then dropped. */
const KEEP_AFTER_EXPIRY_MS = 30 * DAY_MS;
const MAX_TRACKED = 24;

interface Watched {
  role: "leaf" | "intermediate";
  fingerprint: string;
  subject: string;
  commonName: string | null;
  issuer: string;
  notBefore: string | null;
  notAfter: string;
  names: string[];
}

export interface ExpiryInput {
  leaf: CertificateFacts | null;
  chain: ChainCertificate[];
}

function watched(ctx: EvalContext, input: ExpiryInput): Watched[] {
  if (!input.leaf) return [];
  const leaf = input.leaf;
  const leafFp = normalizeFingerprint(leaf.fingerprintSha256);
  const out: Watched[] = [{ role: "leaf", ...leaf, fingerprint: leafFp, names: leaf.sans }];
  if (!ctx.policy.includeIntermediates) return out;
  const seen = new Set([leafFp]);
  for (const c of input.chain) {
    const fp = normalizeFingerprint(c.fingerprintSha256);
    // A self-issued certificate is a root: its presented copy is not what clients trust.
    if (seen.has(fp) || c.subject === c.issuer) continue;
    seen.add(fp);
    out.push({ role: "intermediate", ...c, fingerprint: fp, commonName: null, notBefore: null, names: [] });
  }
  return out;
}

function wording(ctx: EvalContext, c: Watched, expired: boolean): { title: string; advice: string } {
  const left = Date.parse(c.notAfter) - ctx.now.getTime();
  const days = Math.floor(Math.abs(left) / DAY_MS);
  const span =
    days >= 1
      ? `${days} day${days === 1 ? "" : "s"}`
      : `${Math.max(1, Math.floor(Math.abs(left) / 3_600_000))} h`;
  const what = c.role === "leaf" ? "Certificate" : `Intermediate certificate ${c.subject}`;
  const title = `${what} on ${endpointLabel(ctx)} ${expired ? `expired ${span} ago` : `expires in ${span}`}`;
  const advice =
    c.role === "leaf"
      ? "Renew the certificate and deploy it to every server behind this name; if renewal is automated (ACME), check the client's logs and its schedule."
      : "Fetch the CA's current intermediate and replace the bundled chain file on the server; the leaf itself may still be fine.";
  return { title, advice };
}

function decide(ctx: EvalContext, c: Watched, t: ExpiryThreshold): AlertDecision {
  const expired = t.label === "expired";
  const urgent = expired || t.remainingMs <= 7 * DAY_MS;
  return endpointDecision(ctx, {
    event: "expiry",
    status: "firing",
    severity: urgent ? "critical" : "warning",
    fingerprint: c.fingerprint,
    threshold: t.label,
    ...wording(ctx, c, expired),
    facts: {
      ...baseFacts(ctx),
      certificateRole: c.role,
      subject: c.subject,
      commonName: c.commonName,
      ...(c.names.length ? { names: c.names } : {}),
      issuer: c.issuer,
      ...(c.notBefore ? { notBefore: c.notBefore } : {}),
      notAfter: c.notAfter,
      daysLeft: daysUntil(c.notAfter, ctx.now),
    },
  });
}

function prune(state: ExpiryState, current: Set<string>, now: Date): ExpiryState {
  const kept = Object.entries(state).filter(
    ([fp, v]) => current.has(fp) || Date.parse(v.notAfter) + KEEP_AFTER_EXPIRY_MS > now.getTime(),
  );
  kept.sort(
    (a, b) =>
      Number(current.has(b[0])) - Number(current.has(a[0])) || b[1].notAfter.localeCompare(a[1].notAfter),
  );
  return Object.fromEntries(kept.slice(0, MAX_TRACKED));
}

/**
 * Expiry of the leaf and intermediates. Records are keyed by fingerprint, so a new certificate
 * re-arms every threshold and a CDN alternating two certificates cannot re-fire either one.
 * When several thresholds are crossed at once only the most urgent is sent; the rest are passed.
 */
export function evaluateExpiry(
  ctx: EvalContext,
  input: ExpiryInput,
  prev: ExpiryState,
): FamilyResult<ExpiryState> {
  const state: ExpiryState = { ...prev };
  const decisions: AlertDecision[] = [];
  const passed: PassedKey[] = [];
  const certs = watched(ctx, input);
  for (const c of certs) {
    const remaining = Date.parse(c.notAfter) - ctx.now.getTime();
    if (!Number.isFinite(remaining)) continue;
    const recorded = new Set(state[c.fingerprint]?.recorded ?? []);
    const crossed = thresholdsFor(ctx.policy, lifetimeMs(c.notBefore, c.notAfter)).filter(
      (t) => remaining <= t.remainingMs,
    );
    const fresh = crossed.filter((t) => !recorded.has(t.label));
    if (fresh.length === 0) continue;
    const [mostUrgent] = crossed;
    for (const t of fresh) {
      if (t === mostUrgent) decisions.push(decide(ctx, c, t));
      else passed.push(passedKey(ctx, c.fingerprint, t.label));
      recorded.add(t.label);
    }
    state[c.fingerprint] = { notAfter: c.notAfter, recorded: [...recorded] };
  }
  return { decisions, passed, state: prune(state, new Set(certs.map((c) => c.fingerprint)), ctx.now) };
}

function passedKey(ctx: EvalContext, fingerprint: string, threshold: string): PassedKey {
  const key = dedupeKey({ scope: ctx.endpointId, ip: ctx.ip, fingerprint, event: "expiry", threshold });
  return { dedupeKey: key, event: "expiry", fingerprint, threshold };
}
