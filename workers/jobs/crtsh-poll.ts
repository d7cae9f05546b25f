import { type Job, type Queue, UnrecoverableError } from "bullmq";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ctWatchedDomains } from "@/db/schema";
import { Watchlist } from "@/lib/ct";
import type { CrtshClient } from "@/lib/ct/crtsh";
import { crtshPollJobSchema } from "@/server/queue/payloads";
import { enqueueDeliveries } from "@/server/services/alert/enqueue-deliveries";
import { recordCrtshResult } from "@/server/services/ct/record-crtsh";
import type { Logger } from "../log";

/** Asks crt.sh about one watched domain (its client queues requests one at a time); never throws for crt.sh. */
export function crtshPoll(deps: { db: Db; log: Logger; crtsh: CrtshClient; deliverQueue?: Queue }) {
  return async (job: Job) => {
    const parsed = crtshPollJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid crtsh-poll data: ${parsed.error.message}`);
    const domain = deps.db
      .select()
      .from(ctWatchedDomains)
      .where(eq(ctWatchedDomains.id, parsed.data.domainId))
      .get();
    if (!domain) return { skipped: true };
    const watchlist = new Watchlist([{ pattern: domain.pattern, id: domain.id }]);
    try {
      const result = await deps.crtsh.search(domain.pattern.replace(/^\./, ""), watchlist, {
        excludeExpired: true,
      });
      const r = recordCrtshResult(deps.db, { domain, result });
      if (deps.deliverQueue && r.deliveryIds.length)
        await enqueueDeliveries(deps.deliverQueue, r.deliveryIds);
      if (result.truncated)
        deps.log.warn({ domain: domain.pattern }, "crt.sh truncated its answer at 10,000 rows");
      return { records: result.records.length, created: r.created.length, truncated: result.truncated };
    } catch (error) {
      recordCrtshResult(deps.db, { domain, error });
      deps.log.warn({ domain: domain.pattern, err: (error as Error).message }, "crt.sh poll failed");
      return { error: (error as Error).message };
    }
  };
}
