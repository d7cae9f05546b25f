import { type Job, type Queue, UnrecoverableError } from "bullmq";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type CtLogRow, ctLogs, ctWatchedDomains } from "@/db/schema";
import { Watchlist } from "@/lib/ct";
import { createRfc6962Client, createStaticClient, type LogClient, originOf } from "@/lib/ct/client";
import { initialTailState, parseTailState, tailLog } from "@/lib/ct/tail";
import { CT_JOB, ctPollJobId, ctPollLogJobSchema } from "@/server/queue/payloads";
import { enqueueDeliveries } from "@/server/services/alert/enqueue-deliveries";
import { recordCtAlerts } from "@/server/services/alert/record-ct-alerts";
import { recordLogError, recordSeenSize, saveTailState } from "@/server/services/ct/log-progress";
import { recordCtSightings } from "@/server/services/ct/record-sightings";
import type { Logger } from "../log";
import { CT_JOB_OPTIONS } from "../queues/ct.config";

/** One job reads at most this much; a backlog continues in the next job at once. */
const MAX_ENTRIES_PER_RUN = 100_000;

export interface CtPollDeps {
  db: Db;
  log: Logger;
  queue: Queue;
  /** Where alert deliveries go; without it the delivery sweep picks them up from SQLite. */
  deliverQueue?: Queue;
  backfill: boolean;
  /** Tests shorten the HTTP backoff. */
  clientFor?: (row: CtLogRow) => LogClient;
}

export function defaultClientFor(row: CtLogRow): LogClient {
  return row.kind === "rfc6962"
    ? createRfc6962Client({ url: row.url, publicKey: row.publicKey })
    : createStaticClient({
        monitoringUrl: row.url,
        publicKey: row.publicKey,
        origin: row.submissionUrl ? originOf(row.submissionUrl) : undefined,
      });
}

/** Watchlist items carry the domain id, so a sighting knows which watched domain it belongs to. */
function watchlistOf(db: Db) {
  const domains = db.select().from(ctWatchedDomains).all();
  return { domains, watchlist: new Watchlist(domains.map((d) => ({ pattern: d.pattern, id: d.id }))) };
}

/** One verified pass of one log: sightings stored before the position advances; failures recorded. */
export function ctPollLog(deps: CtPollDeps) {
  // A tick's poll and a continuation may meet: one pass per log at a time in this process.
  const running = new Set<string>();
  return async (job: Job) => {
    const parsed = ctPollLogJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid ct-poll-log data: ${parsed.error.message}`);
    const { logId } = parsed.data;
    const row = deps.db.select().from(ctLogs).where(eq(ctLogs.logId, logId)).get();
    const { domains, watchlist } = watchlistOf(deps.db);
    if (!row?.tailed || domains.length === 0 || running.has(logId)) return { skipped: true };
    const client = (deps.clientFor ?? defaultClientFor)(row);
    running.add(logId);
    let seen = -1;
    try {
      let state = row.tailState ? parseTailState(row.tailState) : null;
      if (!state) {
        state = await initialTailState(client, { from: deps.backfill ? 0 : undefined });
        saveTailState(deps.db, logId, state);
      }
      const r = await tailLog({
        client,
        state,
        watchlist,
        onSightings: async (sightings) => {
          const r = recordCtSightings(deps.db, { logId, logName: row.description, sightings, domains });
          if (deps.deliverQueue && r.deliveryIds.length)
            await enqueueDeliveries(deps.deliverQueue, r.deliveryIds);
        },
        onState: (next) => saveTailState(deps.db, logId, next),
        onProgress: (_done, target) => {
          if (target === seen) return;
          seen = target;
          recordSeenSize(deps.db, logId, target);
        },
        maxEntriesPerPass: MAX_ENTRIES_PER_RUN,
      });
      // Still behind the signed head (a bounded pass): continue now rather than at the next tick.
      if (r.state.position < r.headSize) {
        await deps.queue.add(
          CT_JOB.pollLog,
          { logId },
          { ...CT_JOB_OPTIONS, jobId: ctPollJobId(logId, r.state.position) },
        );
      }
      return { entries: r.entries, sightings: r.sightings, position: r.state.position };
    } catch (err) {
      const { misbehaving, misbehavingSince } = recordLogError(deps.db, logId, err);
      const msg = misbehaving ? "CT log misbehaves: data refused" : "CT log poll failed";
      deps.log[misbehaving ? "error" : "warn"]({ logId, err: (err as Error).message }, msg);
      if (misbehaving && misbehavingSince) {
        const reason = (err as Error).message.slice(0, 500);
        const misbehavingLog = { logId, name: row.description, reason, since: misbehavingSince };
        const ids = recordCtAlerts({ db: deps.db, misbehaving: misbehavingLog, now: new Date() });
        if (deps.deliverQueue && ids.length) await enqueueDeliveries(deps.deliverQueue, ids);
      }
      return { error: (err as Error).message, misbehaving };
    } finally {
      running.delete(logId);
    }
  };
}
