import type { Queue } from "bullmq";
import type { Db } from "@/db/client";
import type { Config } from "@/server/env";

/** What every service receives: no globals deep in the code. */
export interface ServiceContext {
  db: Db;
  config: Pick<Config, "CERTWATCH_MIN_INTERVAL_SECONDS" | "CERTWATCH_DEFAULT_INTERVAL_SECONDS">;
  /** Producer queue for probes; absent when the caller has no Redis (then schedules sync at worker boot). */
  probeQueue?: () => Queue;
  now?: () => Date;
}

export function limitsOf(ctx: ServiceContext) {
  return {
    minIntervalSeconds: ctx.config.CERTWATCH_MIN_INTERVAL_SECONDS,
    defaultIntervalSeconds: ctx.config.CERTWATCH_DEFAULT_INTERVAL_SECONDS,
  };
}
