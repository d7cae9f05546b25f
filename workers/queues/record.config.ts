import type { WorkerOptions } from "bullmq";

/** One writer: SQLite serialises writes anyway, and order per endpoint keeps alert state simple. */
export const recordWorkerOptions: Omit<WorkerOptions, "connection"> = {
  concurrency: 1,
  lockDuration: 30_000,
};

export const RECORD_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { count: 1_000, age: 86_400 },
  removeOnFail: { count: 5_000, age: 14 * 86_400 },
} as const;
