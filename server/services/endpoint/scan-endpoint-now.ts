import { eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { CertwatchError } from "@/lib/errors";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import { JOB } from "@/server/queue/payloads";
import { PROBE_JOB_OPTIONS, probeJobData } from "@/server/queue/reconcile-schedules";
import type { ServiceContext } from "../context";

/** Queue an immediate probe; the job id dedupes double clicks within the same second. */
export async function scanEndpointNow({
  ctx,
  actor,
  id,
}: {
  ctx: ServiceContext;
  actor: Actor;
  id: number;
}): Promise<{ jobId: string }> {
  authorize(actor, "endpoint.scan");
  const e = ctx.db.select().from(endpoints).where(eq(endpoints.id, id)).get();
  if (!e) throw new NotFoundError(`Endpoint #${id}`);
  if (!ctx.probeQueue) {
    throw new CertwatchError("QUEUE_UNAVAILABLE", "Scans cannot be queued: no Redis is configured.");
  }
  const jobId = `manual-${id}-${Math.floor((ctx.now?.() ?? new Date()).getTime() / 1000)}`;
  try {
    await ctx.probeQueue().add(JOB.probeEndpoint, probeJobData(e, "manual"), { ...PROBE_JOB_OPTIONS, jobId });
  } catch (err) {
    throw new CertwatchError(
      "QUEUE_UNAVAILABLE",
      "The scan could not be queued because Redis did not answer.",
      "Check that the worker's Redis is running (REDIS_URL).",
      { cause: err },
    );
  }
  return { jobId };
}
