import { type Job, type Queue, UnrecoverableError } from "bullmq";
import type { Assessment } from "@/lib/assessment/types";
import { JOB, type ProbeTarget, probeJobSchema, type RecordJobData } from "@/server/queue/payloads";
import { RECORD_JOB_OPTIONS } from "../queues/record.config";

export interface ProbeDeps {
  assess: (target: ProbeTarget) => Promise<Assessment[]>;
  record: Queue;
}

/** Network only: assess every address of the target and hand each result to the recorder. */
export function probeEndpoint(deps: ProbeDeps) {
  return async (job: Job): Promise<{ addresses: number; failed: number }> => {
    const parsed = probeJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid probe job data: ${parsed.error.message}`);
    const { endpointId, target } = parsed.data;
    const results = await deps.assess(target);
    for (const assessment of results) {
      const scanKey = `${job.id}_${assessment.target.ip ?? "none"}`.replace(/:/g, "_");
      const data: RecordJobData = {
        endpointId,
        scanKey,
        assessment: assessment as unknown as Record<string, unknown>,
      };
      await deps.record.add(JOB.recordScan, data, { ...RECORD_JOB_OPTIONS, jobId: `rec_${scanKey}` });
    }
    return { addresses: results.length, failed: results.filter((r) => r.error).length };
  };
}
