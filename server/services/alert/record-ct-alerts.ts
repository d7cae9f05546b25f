import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scopeAlertStates } from "@/db/schema";
import {
  type CtIssuance,
  type CtLogHealth,
  evaluateCtHealth,
  evaluateCtIssuances,
  parseCtAlertState,
} from "@/lib/alerts/evaluate-ct";
import { type AlertPolicy, DEFAULT_ALERT_POLICY } from "@/lib/alerts/policy";
import { insertAlerts } from "./insert-alerts";

const CT_SCOPE = "ct-watcher";

export interface RecordCtAlertsInput {
  db: Db;
  /** Certificates found for a watch in this pass (stateless: keys are per certificate). */
  issuances?: {
    watchId: string;
    found: CtIssuance[];
    knownSpkis?: string[];
    knownIds?: string[];
  };
  /** The watcher's per-log health right now; its open "behind" episodes persist between calls. */
  health?: CtLogHealth[];
  policy?: AlertPolicy;
  now: Date;
}

/**
 * The CT watcher's entry point to alerting: evaluates, records keys and deliveries and saves the health
 * state in one transaction. Returns the new delivery ids; enqueue them with enqueueDeliveries after it.
 * Re-reading a log range is harmless: the keys are already recorded.
 */
export function recordCtAlerts(input: RecordCtAlertsInput): number[] {
  const policy = input.policy ?? DEFAULT_ALERT_POLICY;
  return input.db.transaction(
    (tx) => {
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
    },
    { behavior: "immediate" },
  );
}
