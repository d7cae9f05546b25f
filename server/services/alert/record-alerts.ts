import { and, eq } from "drizzle-orm";
import { alertStates, type EndpointRow } from "@/db/schema";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import type { Assessment } from "@/lib/assessment/types";
import { policyForEndpoint } from "../alert-policy/policy-for-endpoint";
import type { DbLike } from "./db-like";
import { insertAlerts } from "./insert-alerts";

export interface RecordAlertsInput {
  endpoint: Pick<EndpointRow, "id" | "tags">;
  scanId: number;
  assessment: Assessment;
  now?: Date;
}

/**
 * Runs inside the transaction that writes the scan: load the endpoint+IP alert state, evaluate, record
 * every key, create pending deliveries and save the next state, all or nothing. The scan's own start
 * time is the evaluation's `now`, so a retried job reaches the same keys. Returns the new delivery ids.
 */
export function recordAlerts(tx: DbLike, input: RecordAlertsInput): number[] {
  const { endpoint, assessment } = input;
  const ip = assessment.target.ip ?? "";
  const previous = tx
    .select({ state: alertStates.state })
    .from(alertStates)
    .where(and(eq(alertStates.endpointId, endpoint.id), eq(alertStates.ip, ip)))
    .get();
  const scanTime = new Date(assessment.startedAt);
  const now = Number.isFinite(scanTime.getTime()) ? scanTime : (input.now ?? new Date());
  const result = evaluateAlerts({
    endpoint: { id: endpoint.id, name: null },
    assessment,
    previousState: previous?.state ?? null,
    policy: policyForEndpoint(tx, endpoint),
    now,
  });
  const recordedAt = input.now ?? new Date();
  const ids = insertAlerts(tx, {
    decisions: result.decisions,
    passed: result.passed,
    endpointTags: endpoint.tags,
    scanId: input.scanId,
    endpointId: endpoint.id,
    ip: assessment.target.ip,
    now: recordedAt,
  });
  tx.insert(alertStates)
    .values({ endpointId: endpoint.id, ip, state: result.nextState, updatedAt: recordedAt.toISOString() })
    .onConflictDoUpdate({
      target: [alertStates.endpointId, alertStates.ip],
      set: { state: result.nextState, updatedAt: recordedAt.toISOString() },
    })
    .run();
  return ids;
}
