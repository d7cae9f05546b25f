import type { GradeLetter, Target } from "@/lib/assessment/types";
import { dedupeKey } from "./keys";
import type { AlertPolicy } from "./policy";
import type {
  AlertDecision,
  AlertEventKind,
  AlertFacts,
  AlertSeverity,
  AlertStatus,
  EndpointId,
} from "./types";

export const DAY_MS = 86_400_000;

/** Everything an evaluator needs to know about where it runs; built once per evaluation. */
export interface EvalContext {
  endpointId: EndpointId;
  endpointName: string | null;
  target: Target;
  ip: string | null;
  now: Date;
  policy: AlertPolicy;
  /** The grade of this scan, shown in every message. */
  grade: GradeLetter | null;
}

export function baseFacts(ctx: EvalContext): AlertFacts {
  return {
    endpointName: ctx.endpointName,
    host: ctx.target.host,
    port: ctx.target.port,
    sni: ctx.target.sni,
    grade: ctx.grade,
  };
}

/** "example.com:443" or the endpoint's name: what a human calls this endpoint in a title. */
export function endpointLabel(ctx: EvalContext): string {
  if (ctx.endpointName) return ctx.endpointName;
  const port = ctx.target.port === 443 ? "" : `:${ctx.target.port}`;
  return `${ctx.target.host}${port}`;
}

export interface DecisionSpec {
  event: AlertEventKind;
  status: AlertStatus;
  severity: AlertSeverity;
  fingerprint: string | null;
  threshold: string | null;
  episode?: string | null;
  title: string;
  advice: string;
  facts: AlertFacts;
}

export function endpointDecision(ctx: EvalContext, spec: DecisionSpec): AlertDecision {
  const key = dedupeKey({
    scope: ctx.endpointId,
    ip: ctx.ip,
    fingerprint: spec.fingerprint,
    event: spec.event,
    threshold: spec.threshold,
    episode: spec.episode ?? null,
    resolved: spec.status === "resolved",
  });
  return {
    dedupeKey: key,
    event: spec.event,
    status: spec.status,
    severity: spec.severity,
    endpointId: ctx.endpointId,
    ip: ctx.ip,
    fingerprint: spec.fingerprint,
    threshold: spec.threshold,
    title: spec.title,
    advice: spec.advice,
    facts: spec.facts,
    linkPath: `/endpoints/${encodeURIComponent(String(ctx.endpointId))}`,
    occurredAt: ctx.now.toISOString(),
  };
}

/** Whole days between now and an ISO date, floored (so 6.9 days left reads "6 days"). */
export function daysUntil(iso: string, now: Date): number {
  return Math.floor((Date.parse(iso) - now.getTime()) / DAY_MS);
}
