import { Redis } from "ioredis";

/** Workers need maxRetriesPerRequest: null (BullMQ blocks on Redis); producers fail fast instead. */
export function redisConnection(url: string, kind: "worker" | "producer"): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: kind === "worker" ? null : 2,
    enableOfflineQueue: kind === "worker",
    connectTimeout: 5_000,
    lazyConnect: false,
  });
}
