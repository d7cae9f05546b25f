import type { Queue } from "bullmq";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts, deliveries } from "@/db/schema";
import { type DeliverJobData, deliveryJobId, JOB } from "@/server/queue/payloads";

/** Enough attempts to ride out a long outage (~8 h at the worker's 10 min backoff cap); the sweep follows. */
export const DELIVER_JOB_OPTIONS = {
  attempts: 50,
  // Custom: the deliver worker's backoffStrategy doubles from a base up to a cap.
  backoff: { type: "capped-exponential" },
  removeOnComplete: { count: 5_000, age: 7 * 86_400 },
  removeOnFail: { count: 5_000, age: 14 * 86_400 },
} as const;

/**
 * One job per delivery, id `deliver_<id>`: adding it again while it exists is a no-op, and the job
 * checks the row before sending, so re-enqueueing a delivered one cannot send it twice.
 */
export async function enqueueDeliveries(queue: Queue, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await queue.addBulk(
    ids.map((deliveryId) => ({
      name: JOB.deliverAlert,
      data: { deliveryId } satisfies DeliverJobData,
      opts: { ...DELIVER_JOB_OPTIONS, jobId: deliveryJobId(deliveryId) },
    })),
  );
}

/** Deliveries of a scan still waiting: a record job retried after its commit enqueues them again. */
export function pendingDeliveriesOfScan(db: Db, scanId: number): number[] {
  return db
    .select({ id: deliveries.id })
    .from(deliveries)
    .innerJoin(alerts, eq(alerts.id, deliveries.alertId))
    .where(and(eq(alerts.scanId, scanId), inArray(deliveries.status, ["pending", "retrying"])))
    .all()
    .map((r) => r.id);
}

export interface SweepResult {
  requeued: number;
  revived: number;
}

/**
 * SQLite is the source of truth: a pending delivery whose job vanished (flushed Redis, a crash between
 * commit and enqueue) is queued again; one whose job used up its attempts long ago is retried, so a
 * channel that stays down keeps its alerts until it comes back.
 */
export async function sweepDeliveries(
  db: Db,
  queue: Queue,
  opts: { reviveAfterMs?: number; limit?: number; now?: number } = {},
): Promise<SweepResult> {
  const reviveAfter = opts.reviveAfterMs ?? 600_000;
  const now = opts.now ?? Date.now();
  const open = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(inArray(deliveries.status, ["pending", "retrying"]))
    .orderBy(deliveries.id)
    .limit(opts.limit ?? 1_000)
    .all();
  const missing: number[] = [];
  let revived = 0;
  for (const { id } of open) {
    const job = await queue.getJob(deliveryJobId(id));
    if (!job) missing.push(id);
    else if (job.failedReason && job.finishedOn && now - job.finishedOn > reviveAfter) {
      if ((await job.getState()) === "failed") {
        await job.retry("failed");
        revived++;
      }
    }
  }
  await enqueueDeliveries(queue, missing);
  return { requeued: missing.length, revived };
}
