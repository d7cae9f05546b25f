import type { WorkerOptions } from "bullmq";

/**
 * Log polls are network-bound and long (a pass runs to the log's signed head), so several run at once
 * with a long lock; BullMQ renews it while the pass streams. Writes to SQLite stay short.
 */
export const ctWorkerOptions: Omit<WorkerOptions, "connection"> = {
  concurrency: 4,
  lockDuration: 300_000,
  stalledInterval: 60_000,
  maxStalledCount: 2,
};

/** Finished jobs are dropped so their ids (the dedupe keys) free up; failures are recorded in SQLite. */
export const CT_JOB_OPTIONS = {
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: true,
} as const;
