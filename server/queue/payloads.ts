import { z } from "zod";

export const QUEUE = { probe: "probe", record: "record", deliver: "deliver" } as const;
export const JOB = {
  probeEndpoint: "probe-endpoint",
  recordScan: "record-scan",
  deliverAlert: "deliver-alert",
  sendDigest: "send-digest",
} as const;

/** Everything a probe needs, so probe workers never touch the database (and may run elsewhere). */
export const probeTargetSchema = z.object({
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  ip: z.string().nullable(),
  sni: z.string().nullable(),
  caPem: z
    .string()
    .max(64 * 1024)
    .nullable(),
});

export const probeJobSchema = z.object({
  endpointId: z.number().int().positive(),
  target: probeTargetSchema,
  trigger: z.enum(["schedule", "manual"]),
});

export type ProbeTarget = z.infer<typeof probeTargetSchema>;
export type ProbeJobData = z.infer<typeof probeJobSchema>;

export const recordJobSchema = z.object({
  endpointId: z.number().int().positive(),
  /** Unique per probe job and address: the recorder writes each result once. */
  scanKey: z.string().min(1).max(300),
  assessment: z.record(z.string(), z.unknown()),
});

export type RecordJobData = z.infer<typeof recordJobSchema>;

export function schedulerId(endpointId: number): string {
  return `endpoint-${endpointId}`;
}

/** Ids only: the worker loads the alert and the channel (and decrypts its secrets) from SQLite. */
export const deliverJobSchema = z.object({ deliveryId: z.number().int().positive() });
export type DeliverJobData = z.infer<typeof deliverJobSchema>;

export function deliveryJobId(deliveryId: number): string {
  return `deliver_${deliveryId}`;
}

/** The hourly job that sends each digest channel its daily digest at the channel's UTC hour. */
export const DIGEST_SCHEDULER_ID = "daily-digest";

/** The CT watcher's queue: a 60 s tick schedules log polls, log list reloads and crt.sh polls. */
export const CT_QUEUE = "ct";
export const CT_JOB = {
  tick: "ct-tick",
  loadLogList: "ct-load-log-list",
  pollLog: "ct-poll-log",
  crtshPoll: "crtsh-poll",
} as const;
export const CT_TICK_SCHEDULER_ID = "ct-tick";

export const ctPollLogJobSchema = z.object({ logId: z.string().min(1).max(100) });
export const crtshPollJobSchema = z.object({ domainId: z.number().int().positive() });

/**
 * One queued poll per log at a time (BullMQ ids may not contain ':'); a continuation of a bounded pass
 * is keyed by the position it starts from, so it never collides with the job that queues it.
 */
export function ctPollJobId(logId: string, continueFrom?: number): string {
  const hex = Buffer.from(logId, "base64").toString("hex");
  return continueFrom === undefined ? `ct-poll_${hex}` : `ct-next_${hex}_${continueFrom}`;
}
