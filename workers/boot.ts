import { Queue, Worker } from "bullmq";
import { type Db, openDb } from "@/db/client";
import { migrate } from "@/db/migrate";
import { endpoints } from "@/db/schema";
import { assessEndpoint } from "@/lib/assessment/assess-endpoint";
import { type Config, ConfigError } from "@/server/env";
import { redisConnection } from "@/server/queue/connection";
import { QUEUE } from "@/server/queue/payloads";
import { reconcileSchedules } from "@/server/queue/reconcile-schedules";
import { probeEndpoint } from "./jobs/probe-endpoint";
import { recordScan } from "./jobs/record-scan";
import type { Logger } from "./log";
import { probeWorkerOptions } from "./queues/probe.config";
import { recordWorkerOptions } from "./queues/record.config";

export interface RunningWorkers {
  db: Db;
  probeQueue: Queue;
  recordQueue: Queue;
  reconcile(): Promise<void>;
  /** Finish jobs in progress, then close queues, Redis and the database. */
  stop(): Promise<void>;
}

export async function startWorkers({
  cfg,
  log,
  reconcileEveryMs = 60_000,
}: {
  cfg: Config;
  log: Logger;
  reconcileEveryMs?: number;
}): Promise<RunningWorkers> {
  if (!cfg.REDIS_URL)
    throw new ConfigError(["REDIS_URL: required by the worker (npm start sets it for you)"]);
  const db = openDb(cfg.databasePath);
  migrate(db);
  const connection = redisConnection(cfg.REDIS_URL, "worker");
  const prefix = cfg.CERTWATCH_QUEUE_PREFIX;
  const probeQueue = new Queue(QUEUE.probe, { connection, prefix });
  const recordQueue = new Queue(QUEUE.record, { connection, prefix });
  for (const q of [probeQueue, recordQueue])
    q.on("error", (err) => log.error({ err, queue: q.name }, "queue error"));

  const assess = (t: Parameters<typeof assessEndpoint>[0]) =>
    assessEndpoint(t, {
      timeoutMs: cfg.CERTWATCH_SCAN_TIMEOUT_MS,
      allAddresses: cfg.CERTWATCH_ALL_ADDRESSES,
    });
  const workers = [
    new Worker(QUEUE.probe, probeEndpoint({ assess, record: recordQueue }), {
      connection,
      prefix,
      ...probeWorkerOptions(cfg.CERTWATCH_PROBE_CONCURRENCY),
    }),
    new Worker(QUEUE.record, recordScan({ db }), { connection, prefix, ...recordWorkerOptions }),
  ];
  for (const w of workers) {
    w.on("error", (err) => log.error({ err, worker: w.name }, "worker error"));
    w.on("failed", (job, err) =>
      log.warn({ jobId: job?.id, worker: w.name, err: err.message }, "job failed"),
    );
  }

  // SQLite is the source of truth: a flushed Redis loses nothing but time.
  const reconcile = async () => {
    try {
      const r = await reconcileSchedules(probeQueue, db.select().from(endpoints).all());
      log.debug(r, "schedules reconciled");
    } catch (err) {
      log.error({ err }, "schedule reconciliation failed");
    }
  };
  await reconcile();
  const timer = setInterval(reconcile, reconcileEveryMs);
  log.info({ queues: Object.values(QUEUE) }, "workers started");

  return {
    db,
    probeQueue,
    recordQueue,
    reconcile,
    async stop() {
      clearInterval(timer);
      await Promise.allSettled(workers.map((w) => w.close()));
      await Promise.allSettled([probeQueue.close(), recordQueue.close()]);
      connection.disconnect();
    },
  };
}
