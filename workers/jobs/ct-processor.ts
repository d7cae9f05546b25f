import type { Job, Queue } from "bullmq";
import type { Db } from "@/db/client";
import { CrtshClient } from "@/lib/ct/crtsh";
import type { Config } from "@/server/env";
import { CT_JOB } from "@/server/queue/payloads";
import type { Logger } from "../log";
import { crtshPoll } from "./crtsh-poll";
import { ctLoadLogList } from "./ct-load-log-list";
import { type CtPollDeps, ctPollLog } from "./ct-poll-log";
import { ctTick } from "./ct-tick";

type CtJobName = (typeof CT_JOB)[keyof typeof CT_JOB];

/** One processor for the CT queue; the Record makes a job without a handler a type error. */
export function ctProcessor(deps: {
  db: Db;
  log: Logger;
  queue: Queue;
  deliverQueue?: Queue;
  cfg: Config;
  clientFor?: CtPollDeps["clientFor"];
}) {
  const { db, log, queue, deliverQueue, cfg } = deps;
  // One crt.sh client per worker process: its queue keeps requests to crt.sh one at a time.
  const crtsh = new CrtshClient({ baseUrl: cfg.CERTWATCH_CRTSH_URL });
  const handlers: Record<CtJobName, (job: Job) => Promise<unknown>> = {
    [CT_JOB.tick]: ctTick({
      db,
      log,
      queue,
      deliverQueue,
      crtshIntervalMinutes: cfg.CERTWATCH_CRTSH_INTERVAL_MINUTES,
      maxLagMinutes: cfg.CERTWATCH_CT_MAX_LAG_MINUTES,
      schedule: { nextListLoadAt: 0 },
    }),
    [CT_JOB.loadLogList]: ctLoadLogList({
      db,
      log,
      list: { source: cfg.CERTWATCH_CT_LOG_LIST_URL, key: cfg.CERTWATCH_CT_LOG_LIST_KEY },
    }),
    [CT_JOB.pollLog]: ctPollLog({
      db,
      log,
      queue,
      backfill: cfg.CERTWATCH_CT_BACKFILL,
      clientFor: deps.clientFor,
    }),
    [CT_JOB.crtshPoll]: crtshPoll({ db, log, crtsh, deliverQueue }),
  };
  return (job: Job) => {
    const handler = handlers[job.name as CtJobName];
    if (!handler) throw new Error(`unknown CT job "${job.name}"`);
    return handler(job);
  };
}
