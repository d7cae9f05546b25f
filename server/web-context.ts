import { db } from "./db";
import { config } from "./env";
import { QUEUE } from "./queue/payloads";
import { queue } from "./queue/queues";
import type { ServiceContext } from "./services/context";

export function webContext(): ServiceContext {
  const cfg = config();
  return { db: db(), config: cfg, probeQueue: cfg.REDIS_URL ? () => queue(QUEUE.probe) : undefined };
}
