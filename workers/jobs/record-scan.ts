import { type Job, UnrecoverableError } from "bullmq";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { endpoints } from "@/db/schema";
import type { Assessment } from "@/lib/assessment/types";
import { recordJobSchema } from "@/server/queue/payloads";
import { recordScan as writeScan } from "@/server/services/scan/record-scan";

/** Writes a probe result to SQLite; a result for a deleted endpoint is dropped, not retried. */
export function recordScan(deps: { db: Db }) {
  return async (job: Job): Promise<{ scanId: number | null; duplicate: boolean }> => {
    const parsed = recordJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid record job data: ${parsed.error.message}`);
    const { endpointId, scanKey, assessment } = parsed.data;
    const exists = deps.db
      .select({ id: endpoints.id })
      .from(endpoints)
      .where(eq(endpoints.id, endpointId))
      .get();
    if (!exists) return { scanId: null, duplicate: false };
    return writeScan({ db: deps.db, endpointId, scanKey, assessment: assessment as unknown as Assessment });
  };
}
