import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scopeAlertStates } from "@/db/schema";
import {
  type CtIssuance,
  type CtLogHealth,
  type CtMisbehaviour,
  evaluateCtHealth,
  evaluateCtIssuances,
  evaluateCtMisbehaviour,
  parseCtAlertState,
} from "@/lib/alerts/evaluate-ct";
import { type AlertPolicy, DEFAULT_ALERT_POLICY } from "@/lib/alerts/policy";
import type { DbLike } from "./db-like";
import { insertAlerts } from "./insert-alerts";

const CT_SCOPE = "ct-watcher";

export interface RecordCtAlertsInput {
  /** Certificates found for a watch in this pass (stateless: keys are per certificate). */
  issuances?: {
    watchId: string;
    found: CtIssuance[];
    knownSpkis?: string[];
    knownIds?: string[];
  };
  /** The watcher's per-log health right now; its open "behind" episodes persist between calls. */
  health?: CtLogHealth[];
  /** A log whose data did not verify in this pass. */
  misbehaving?: CtMisbehaviour;
  policy?: AlertPolicy;
  now: Date;
}

/**
 * The CT watcher's entry point to alerting, inside the caller's transaction (e.g. the one that stores
 * sightings): evaluates, records keys and deliveries and saves the health state. Returns the new delivery
 * ids; enqueue them with enqueueDeliveries after the commit (the sweep would, within a minute).
 * Re-reading a log range is harmless: the keys are already recorded. `health` must list every log, so a
 * log that caught up resolves its "behind" alert.
 */
export function recordCtAlertsInTx(tx: DbLike, input: RecordCtAlertsInput): number[] {
  const policy = input.policy ?? DEFAULT_ALERT_POLICY;
  const decisions = input.issuances
    ? evaluateCtIssuances({
        watchId: input.issuances.watchId,
        issuances: input.issuances.found,
        knownSpkis: input.issuances.knownSpkis ?? [],
        knownIds: input.issuances.knownIds ?? [],
        policy,
        now: input.now,
      })
    : [];
  if (input.misbehaving) decisions.push(...evaluateCtMisbehaviour(input.misbehaving, policy, input.now));
  if (input.health) {
    const row = tx.select().from(scopeAlertStates).where(eq(scopeAlertStates.scope, CT_SCOPE)).get();
    const result = evaluateCtHealth({
      previousState: parseCtAlertState(row?.state ?? null),
      logs: input.health,
      policy,
      now: input.now,
    });
    decisions.push(...result.decisions);
    const at = input.now.toISOString();
    tx.insert(scopeAlertStates)
      .values({ scope: CT_SCOPE, state: result.nextState, updatedAt: at })
      .onConflictDoUpdate({
        target: scopeAlertStates.scope,
        set: { state: result.nextState, updatedAt: at },
      })
      .run();
  }
  return insertAlerts(tx, { decisions, endpointTags: null, now: input.now });
}

/** recordCtAlertsInTx in a transaction of its own. */
export function recordCtAlerts(input: RecordCtAlertsInput & { db: Db }): number[] {
  return input.db.transaction((tx) => recordCtAlertsInTx(tx, input), { behavior: "immediate" });
}
