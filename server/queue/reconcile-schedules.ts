import type { Queue } from "bullmq";
import type { EndpointRow } from "@/db/schema";
import { JOB, type ProbeJobData, schedulerId } from "./payloads";

export const PROBE_JOB_OPTIONS = {
  attempts: 2,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { count: 1_000, age: 86_400 },
  removeOnFail: { count: 5_000, age: 7 * 86_400 },
} as const;

export function probeJobData(e: EndpointRow, trigger: ProbeJobData["trigger"]): ProbeJobData {
  return {
    endpointId: e.id,
    trigger,
    target: { host: e.host, port: e.port, ip: e.ip, sni: e.sni, caPem: e.caPem },
  };
}

/** Make Redis hold exactly one scheduler per enabled endpoint (SQLite is the source of truth). */
export async function syncEndpointSchedule(
  probe: Queue,
  endpointId: number,
  e: EndpointRow | null,
): Promise<void> {
  if (!e?.enabled) {
    await probe.removeJobScheduler(schedulerId(endpointId));
    return;
  }
  await probe.upsertJobScheduler(
    schedulerId(e.id),
    { every: e.intervalSeconds * 1000 },
    { name: JOB.probeEndpoint, data: probeJobData(e, "schedule"), opts: PROBE_JOB_OPTIONS },
  );
}

export async function reconcileSchedules(
  probe: Queue,
  rows: EndpointRow[],
): Promise<{ upserted: number; removed: number }> {
  const wanted = new Set(rows.filter((r) => r.enabled).map((r) => schedulerId(r.id)));
  let removed = 0;
  const existing = await probe.getJobSchedulers(0, -1);
  for (const s of existing) {
    const id = s.key ?? s.id;
    if (id?.startsWith("endpoint-") && !wanted.has(id)) {
      await probe.removeJobScheduler(id);
      removed++;
    }
  }
  for (const r of rows) if (r.enabled) await syncEndpointSchedule(probe, r.id, r);
  return { upserted: wanted.size, removed };
}
