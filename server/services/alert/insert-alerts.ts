import { and, eq } from "drizzle-orm";
import { alerts, channels, deliveries, type NewAlertRow } from "@/db/schema";
import type { AlertDecision, PassedKey } from "@/lib/alerts/types";
import type { DbLike } from "./db-like";
import { routeChannels } from "./route";

export interface InsertAlertsInput {
  decisions: readonly AlertDecision[];
  passed?: readonly PassedKey[];
  /** Routing by tag; null for alerts that belong to no endpoint. */
  endpointTags: readonly string[] | null;
  scanId?: number | null;
  /** Where passed keys belong (decisions carry their own). */
  endpointId?: number | null;
  ip?: string | null;
  now: Date;
}

/**
 * Records each decision under its dedupe key (INSERT OR IGNORE) and, only for the ones that are new,
 * a pending delivery per routed channel. Returns the new delivery ids for the caller to enqueue after
 * commit. Passed keys are recorded too, so an overtaken threshold can never be sent later.
 */
export function insertAlerts(tx: DbLike, input: InsertAlertsInput): number[] {
  const at = input.now.toISOString();
  const enabled = tx.select().from(channels).where(eq(channels.enabled, true)).all();
  const deliveryIds: number[] = [];
  for (const d of input.decisions) {
    const row = tx
      .insert(alerts)
      .values(alertRow(d, input.scanId ?? null, at))
      .onConflictDoNothing({ target: alerts.dedupeKey })
      .returning({ id: alerts.id })
      .get();
    if (!row) continue;
    for (const c of routeChannels(enabled, d.event, input.endpointTags)) {
      deliveryIds.push(insertDelivery(tx, row.id, c.id, at));
    }
  }
  for (const p of input.passed ?? []) {
    tx.insert(alerts)
      .values(passedRow(p, input, at))
      .onConflictDoNothing({ target: alerts.dedupeKey })
      .run();
  }
  return deliveryIds;
}

export function insertDelivery(tx: DbLike, alertId: number, channelId: number, at: string): number {
  const inserted = tx
    .insert(deliveries)
    .values({ alertId, channelId, status: "pending", createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning({ id: deliveries.id })
    .get();
  if (inserted) return inserted.id;
  const existing = tx
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.alertId, alertId), eq(deliveries.channelId, channelId)))
    .get();
  return existing!.id;
}

function alertRow(d: AlertDecision, scanId: number | null, at: string): NewAlertRow {
  return {
    dedupeKey: d.dedupeKey,
    disposition: "send",
    event: d.event,
    status: d.status,
    severity: d.severity,
    endpointId: typeof d.endpointId === "number" ? d.endpointId : null,
    scanId,
    ip: d.ip,
    fingerprint: d.fingerprint,
    threshold: d.threshold,
    title: d.title,
    advice: d.advice,
    facts: d.facts,
    linkPath: d.linkPath,
    occurredAt: d.occurredAt,
    createdAt: at,
  };
}

function passedRow(p: PassedKey, input: InsertAlertsInput, at: string): NewAlertRow {
  const first = input.decisions.find((d) => d.fingerprint === p.fingerprint && d.event === p.event);
  return {
    dedupeKey: p.dedupeKey,
    disposition: "passed",
    event: p.event,
    status: "firing",
    severity: "info",
    endpointId: input.endpointId ?? null,
    scanId: input.scanId ?? null,
    ip: input.ip ?? null,
    fingerprint: p.fingerprint,
    threshold: p.threshold,
    title: `${p.threshold} threshold passed${first ? ` (${first.threshold} sent instead)` : ""}`,
    advice: "",
    facts: {},
    linkPath: first?.linkPath ?? "/alerts",
    occurredAt: at,
    createdAt: at,
  };
}
