import type { Queue } from "bullmq";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { crtshStatus, ctLogs, ctWatchedDomains } from "@/db/schema";
import { CT_JOB, ctPollJobId } from "@/server/queue/payloads";
import { type BehindLog, raiseWatcherHealthAlerts } from "@/server/services/ct/raise-ct-alerts";
import type { Logger } from "../log";
import { CT_JOB_OPTIONS } from "../queues/ct.config";

export interface CtTickDeps {
  db: Db;
  log: Logger;
  queue: Queue;
  crtshIntervalMinutes: number;
  maxLagMinutes: number;
  /** When the log list is next due (ms); certspotter reloads every 30–90 min, randomised. */
  schedule: { nextListLoadAt: number };
  now?: () => number;
}

const MINUTE = 60_000;

function behindLogs(db: Db, now: number, maxLagMinutes: number): BehindLog[] {
  const limit = now - maxLagMinutes * MINUTE;
  return db
    .select()
    .from(ctLogs)
    .where(eq(ctLogs.tailed, true))
    .all()
    .filter((l) => Date.parse(l.lastSuccessAt ?? l.createdAt) < limit)
    .map((l) => ({
      logId: l.logId,
      description: l.description,
      backlog: Math.max(0, (l.seenTreeSize ?? 0) - (l.position ?? 0)),
      lastSuccessAt: l.lastSuccessAt,
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
    const behind = behindLogs(deps.db, now, deps.maxLagMinutes);
    if (behind.length) {
      deps.log.warn({ logs: behind.map((b) => b.description) }, "CT watcher is behind on some logs");
      raiseWatcherHealthAlerts(deps.db, behind, new Date(now));
    }
    return { logs: logs.length, crtsh, behind: behind.length };
  };
}
