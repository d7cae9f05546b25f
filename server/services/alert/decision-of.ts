import type { AlertRow } from "@/db/schema";
import type { AlertDecision, AlertEventKind } from "@/lib/alerts/types";

/** The stored alert back as the decision lib/notifiers renders. */
export function decisionOf(r: AlertRow): AlertDecision {
  return {
    dedupeKey: r.dedupeKey,
    event: r.event as AlertEventKind,
    status: r.status,
    severity: r.severity,
    endpointId: r.endpointId,
    ip: r.ip,
    fingerprint: r.fingerprint,
    threshold: r.threshold,
    title: r.title,
    advice: r.advice,
    facts: r.facts,
    linkPath: r.linkPath,
    occurredAt: r.occurredAt,
  };
}
