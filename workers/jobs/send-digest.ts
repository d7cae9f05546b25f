import type { Job, Queue } from "bullmq";
import type { Db } from "@/db/client";
import { queueDigests } from "@/server/services/alert/digest";
import { enqueueDeliveries } from "@/server/services/alert/enqueue-deliveries";

/** Hourly (UTC): queue the digest of every channel whose digest hour this is; sending is a normal delivery. */
export function sendDigest(deps: { db: Db; deliverQueue: Queue }) {
  return async (job: Job): Promise<{ digests: number }> => {
    // The scheduled time, not the processing time: a late run still covers its own hour.
    const at = new Date(job.timestamp + (job.opts.delay ?? 0));
    const ids = queueDigests(deps.db, at);
    await enqueueDeliveries(deps.deliverQueue, ids);
    return { digests: ids.length };
  };
}
