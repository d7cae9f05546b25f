import type { WorkerOptions } from "bullmq";

export interface DeliverBackoff {
  /** First retry delay; doubles per attempt. */
  baseMs: number;
  /** Ceiling of one delay, so a channel that comes back is used within this long. */
  capMs: number;
}

export const DEFAULT_DELIVER_BACKOFF: DeliverBackoff = { baseMs: 5_000, capMs: 600_000 };

export function cappedBackoff(b: DeliverBackoff) {
  return (attemptsMade: number): number => Math.min(b.capMs, b.baseMs * 2 ** Math.max(0, attemptsMade - 1));
}

/**
 * Sends are network-bound and short; the lock covers the notifier's 10 s bound with room to spare.
 * Job options (attempts, the custom backoff type) are in server/services/alert/enqueue-deliveries.ts.
 */
export function deliverWorkerOptions(b: DeliverBackoff): Omit<WorkerOptions, "connection"> {
  return {
    concurrency: 4,
    lockDuration: 60_000,
    settings: { backoffStrategy: cappedBackoff(b) },
  };
}
