import type { Queue } from "bullmq";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { crtshStatus, ctLogs, ctWatchedDomains } from "@/db/schema";
import type { CtLogHealth } from "@/lib/alerts/evaluate-ct";
import { CT_JOB, ctPollJobId } from "@/server/queue/payloads";
import { enqueueDeliveries } from "@/server/services/alert/enqueue-deliveries";
import { raiseWatcherHealthAlerts } from "@/server/services/ct/raise-ct-alerts";
import type { Logger } from "../log";
import { CT_JOB_OPTIONS } from "../queues/ct.config";

export interface CtTickDeps {
  db: Db;
  log: Logger;
  queue: Queue;
  /** Where alert deliveries go; without it the delivery sweep picks them up from SQLite. */
  deliverQueue?: Queue;
  crtshIntervalMinutes: number;
  maxLagMinutes: number;
  /** When the log list is next due (ms); certspotter reloads every 30–90 min, randomised. */
  schedule: { nextListLoadAt: number };
  now?: () => number;
}

const MINUTE = 60_000;

/** Health of every tailed log for the watcher-behind alert (CT.md §8): backlog and last verified pass. */
function logHealth(db: Db): CtLogHealth[] {
  return db
    .select()
    .from(ctLogs)
    .where(eq(ctLogs.tailed, true))
    .all()
    .map((l) => ({
      logId: l.logId,
      name: l.description,
      backlog: Math.max(0, (l.seenTreeSize ?? 0) - (l.position ?? 0)),
      // A log never read yet counts from when it was listed, so a new log is not "behind" at once.
      lastContactAt: l.lastSuccessAt ?? l.createdAt,
    }));
}

/** Every minute: schedule what is due. CT is off while no domain is watched. */
export function ctTick(deps: CtTickDeps) {
  return async () => {
    const domains = deps.db.select().from(ctWatchedDomains).all();
    if (domains.length === 0) return { disabled: true };
    const now = deps.now?.() ?? Date.now();
    const add = (name: string, data: object, jobId: string) =>
      deps.queue.add(name, data, { ...CT_JOB_OPTIONS, jobId });
    if (now >= deps.schedule.nextListLoadAt) {
      deps.schedule.nextListLoadAt = now + (30 + Math.random() * 60) * MINUTE;
      await add(CT_JOB.loadLogList, {}, "ct-load-log-list");
    }
    const logs = deps.db.select({ logId: ctLogs.logId }).from(ctLogs).where(eq(ctLogs.tailed, true)).all();
    for (const l of logs) await add(CT_JOB.pollLog, { logId: l.logId }, ctPollJobId(l.logId));
    const statuses = new Map(
      deps.db
        .select()
        .from(crtshStatus)
        .all()
        .map((s) => [s.watchedDomainId, s]),
    );
    let crtsh = 0;
    for (const d of domains) {
      const last = statuses.get(d.id)?.lastAttemptAt;
      if (last && now - Date.parse(last) < deps.crtshIntervalMinutes * MINUTE) continue;
      await add(CT_JOB.crtshPoll, { domainId: d.id }, `crtsh_${d.id}`);
      crtsh++;
    }
    const health = logHealth(deps.db);
    const deliveryIds = raiseWatcherHealthAlerts(deps.db, health, {
      maxLagMinutes: deps.maxLagMinutes,
      now: new Date(now),
    });
    if (deps.deliverQueue && deliveryIds.length) await enqueueDeliveries(deps.deliverQueue, deliveryIds);
    return { logs: logs.length, crtsh, alerts: deliveryIds.length };
  };
}
