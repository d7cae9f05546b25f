import { Queue, Worker } from "bullmq";
import { type Db, openDb } from "@/db/client";
import { migrate } from "@/db/migrate";
import { endpoints } from "@/db/schema";
import { assessEndpoint } from "@/lib/assessment/assess-endpoint";
import { secretKey } from "@/server/crypto/secret-box";
import { type Config, ConfigError } from "@/server/env";
import { redisConnection } from "@/server/queue/connection";
import {
  CT_JOB,
  CT_QUEUE,
  CT_TICK_SCHEDULER_ID,
  DIGEST_SCHEDULER_ID,
  JOB,
  QUEUE,
} from "@/server/queue/payloads";
import { reconcileSchedules } from "@/server/queue/reconcile-schedules";
import {
  enqueueDeliveries,
  pendingDeliveriesOfScan,
  sweepDeliveries,
} from "@/server/services/alert/enqueue-deliveries";
import { addressPolicyOf } from "@/server/services/endpoint/target-policy";
import { ctProcessor } from "./jobs/ct-processor";
import { deliverAlert } from "./jobs/deliver-alert";
import { probeEndpoint } from "./jobs/probe-endpoint";
import { recordScan } from "./jobs/record-scan";
import { sendDigest } from "./jobs/send-digest";
import type { Logger } from "./log";
import { ctWorkerOptions } from "./queues/ct.config";
import { DEFAULT_DELIVER_BACKOFF, type DeliverBackoff, deliverWorkerOptions } from "./queues/deliver.config";
import { probeWorkerOptions } from "./queues/probe.config";
import { recordWorkerOptions } from "./queues/record.config";

export interface RunningWorkers {
  db: Db;
  probeQueue: Queue;
  recordQueue: Queue;
  deliverQueue: Queue;
  /** The CT watcher: a tick every minute schedules log polls, log list reloads and crt.sh polls. */
  ctQueue: Queue;
  /** Schedules from SQLite, the digest scheduler, and a sweep of deliveries whose job vanished. */
  reconcile(): Promise<void>;
  /** Finish jobs in progress, then close queues, Redis and the database. */
  stop(): Promise<void>;
}

export async function startWorkers({
  cfg,
  log,
  reconcileEveryMs = 60_000,
  deliverBackoff = DEFAULT_DELIVER_BACKOFF,
  reviveFailedAfterMs = 600_000,
  ctTickEveryMs = 60_000,
}: {
  cfg: Config;
  log: Logger;
  reconcileEveryMs?: number;
  /** Retry delays of failed sends (tests shorten them). */
  deliverBackoff?: DeliverBackoff;
  /** A delivery whose job used up its attempts is retried by the sweep after this long. */
  reviveFailedAfterMs?: number;
  ctTickEveryMs?: number;
}): Promise<RunningWorkers> {
  if (!cfg.REDIS_URL)
    throw new ConfigError(["REDIS_URL: required by the worker (npm start sets it for you)"]);
  const db = openDb(cfg.databasePath);
  migrate(db);
  const connection = redisConnection(cfg.REDIS_URL, "worker");
  const prefix = cfg.CERTWATCH_QUEUE_PREFIX;
  const probeQueue = new Queue(QUEUE.probe, { connection, prefix });
  const recordQueue = new Queue(QUEUE.record, { connection, prefix });
  const deliverQueue = new Queue(QUEUE.deliver, { connection, prefix });
  for (const q of [probeQueue, recordQueue, deliverQueue])
    q.on("error", (err) => log.error({ err, queue: q.name }, "queue error"));
  const ctQueue = new Queue(CT_QUEUE, { connection, prefix });
  ctQueue.on("error", (err) => log.error({ err, queue: CT_QUEUE }, "queue error"));

  const assess = (t: Parameters<typeof assessEndpoint>[0]) =>
    assessEndpoint(t, {
      timeoutMs: cfg.CERTWATCH_SCAN_TIMEOUT_MS,
      allAddresses: cfg.CERTWATCH_ALL_ADDRESSES,
      // Resolved addresses, AIA/OCSP/CRL fetches and their redirects all pass the target policy.
      policy: addressPolicyOf(cfg),
    });
  const workers = [
    new Worker(QUEUE.probe, probeEndpoint({ assess, record: recordQueue }), {
      connection,
      prefix,
      ...probeWorkerOptions(cfg.CERTWATCH_PROBE_CONCURRENCY),
    }),
    new Worker(QUEUE.record, recordThenEnqueue(db, deliverQueue), {
      connection,
      prefix,
      ...recordWorkerOptions,
    }),
    new Worker(QUEUE.deliver, deliverProcessor(cfg, db, deliverQueue), {
      connection,
      prefix,
      ...deliverWorkerOptions(deliverBackoff),
    }),
  ];
  workers.push(
    new Worker(CT_QUEUE, ctProcessor({ db, log, queue: ctQueue, deliverQueue, cfg }), {
      connection,
      prefix,
      ...ctWorkerOptions,
    }),
  );
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
    try {
      await deliverQueue.upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: "0 * * * *", tz: "UTC" },
        { name: JOB.sendDigest, data: {} },
      );
      const swept = await sweepDeliveries(db, deliverQueue, { reviveAfterMs: reviveFailedAfterMs });
      if (swept.requeued || swept.revived) log.info(swept, "deliveries re-enqueued from SQLite");
    } catch (err) {
      log.error({ err }, "delivery sweep failed");
    }
    try {
      await ctQueue.upsertJobScheduler(
        CT_TICK_SCHEDULER_ID,
        { every: ctTickEveryMs },
        { name: CT_JOB.tick, data: {} },
      );
    } catch (err) {
      log.error({ err }, "CT tick scheduling failed");
    }
  };
  await reconcile();
  const timer = setInterval(reconcile, reconcileEveryMs);
  log.info({ queues: Object.values(QUEUE) }, "workers started");

  return {
    db,
    probeQueue,
    recordQueue,
    deliverQueue,
    ctQueue,
    reconcile,
    async stop() {
      clearInterval(timer);
      await Promise.allSettled(workers.map((w) => w.close()));
      await Promise.allSettled([
        probeQueue.close(),
        recordQueue.close(),
        deliverQueue.close(),
        ctQueue.close(),
      ]);
      connection.disconnect();
    },
  };
}

/** Record, then queue the scan's pending deliveries (again, if a retry finds the scan already written). */
function recordThenEnqueue(db: Db, deliverQueue: Queue) {
  const record = recordScan({ db });
  return async (job: Parameters<ReturnType<typeof recordScan>>[0]) => {
    const result = await record(job);
    if (result.scanId !== null)
      await enqueueDeliveries(deliverQueue, pendingDeliveriesOfScan(db, result.scanId));
    return result;
  };
}

function deliverProcessor(cfg: Config, db: Db, deliverQueue: Queue) {
  const send = deliverAlert({ db, secretKey: secretKey(cfg), baseUrl: cfg.baseUrl });
  const digest = sendDigest({ db, deliverQueue });
  return (job: Parameters<typeof send>[0], token?: string) =>
    job.name === JOB.sendDigest ? digest(job) : send(job, token);
}
