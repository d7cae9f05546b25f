import type { WorkerOptions } from "bullmq";

/** Probes are network-bound: several run at once; the lock outlives the slowest full assessment. */
export function probeWorkerOptions(concurrency: number): Omit<WorkerOptions, "connection"> {
  return { concurrency, lockDuration: 120_000, stalledInterval: 30_000, maxStalledCount: 2 };
}
