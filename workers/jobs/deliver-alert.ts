import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import type { Db } from "@/db/client";
import { isCertwatchError } from "@/lib/errors";
import {
  deliver,
  isNotifierError,
  type NeutralMessage,
  renderDigest,
  renderMessage,
  scrubSecrets,
} from "@/lib/notifiers";
import { deliverJobSchema } from "@/server/queue/payloads";
import { decisionOf } from "@/server/services/alert/decision-of";
import { loadDelivery, markAttempt, markFailure, markSent } from "@/server/services/alert/delivery-status";
import { digestFor } from "@/server/services/alert/digest";
import { openChannelConfig, secretStrings } from "@/server/services/channel/channel-secrets";

export interface DeliverDeps {
  db: Db;
  secretKey: Buffer;
  baseUrl: string | null;
  timeoutMs?: number;
}

type Loaded = NonNullable<ReturnType<typeof loadDelivery>>;

function messageOf(db: Db, row: Loaded, baseUrl: string | null): NeutralMessage | null {
  if (row.alert.event !== "digest") return renderMessage(decisionOf(row.alert), { baseUrl });
  const digest = digestFor(db, row.alert, row.channel.id);
  return digest ? renderDigest(digest, { baseUrl }) : null;
}

/**
 * Sends one delivery. The row decides, not the job: a delivery already sent (a re-added job after a
 * restart or a sweep) returns without sending. Retryable failures throw so BullMQ backs off; a rate
 * limit waits exactly the Retry-After; anything else is final and recorded.
 */
export function deliverAlert(deps: DeliverDeps) {
  return async (job: Job, token?: string): Promise<{ status: string }> => {
    const parsed = deliverJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid deliver job data: ${parsed.error.message}`);
    const { deliveryId } = parsed.data;
    const row = loadDelivery(deps.db, deliveryId);
    if (!row) return { status: "gone" };
    if (row.delivery.status === "sent" || row.delivery.status === "failed")
      return { status: row.delivery.status };
    if (!row.channel.enabled) {
      markFailure(
        deps.db,
        deliveryId,
        "failed",
        "The channel was disabled before this alert could be sent.",
        new Date(),
      );
      return { status: "failed" };
    }
    markAttempt(deps.db, deliveryId, new Date());
    let config: Record<string, unknown> = {};
    try {
      config = openChannelConfig(row.channel, deps.secretKey);
      const message = messageOf(deps.db, row, deps.baseUrl);
      if (message) await deliver(row.channel.kind, config, message, { timeoutMs: deps.timeoutMs ?? 10_000 });
      markSent(deps.db, deliveryId, new Date());
      return { status: "sent" };
    } catch (e) {
      return handleFailure(deps.db, job, token, deliveryId, e, secretStrings(row.channel.kind, config));
    }
  };
}

async function handleFailure(
  db: Db,
  job: Job,
  token: string | undefined,
  deliveryId: number,
  e: unknown,
  secrets: string[],
): Promise<never> {
  const text = scrubSecrets(
    isCertwatchError(e)
      ? `${e.code}: ${e.message}`
      : `UNEXPECTED: ${e instanceof Error ? e.message : String(e)}`,
    secrets,
  );
  if (isNotifierError(e) && e.code === "NOTIFIER_RATE_LIMITED") {
    markFailure(db, deliveryId, "retrying", text, new Date());
    await job.moveToDelayed(Date.now() + (e.retryAfterMs ?? 30_000), token);
    throw new DelayedError();
  }
  const retryable = isNotifierError(e) ? e.retryable : !isCertwatchError(e);
  markFailure(db, deliveryId, retryable ? "retrying" : "failed", text, new Date());
  // Rethrow a scrubbed copy: BullMQ stores the message in Redis as failedReason.
  throw retryable ? new Error(text) : new UnrecoverableError(text);
}
