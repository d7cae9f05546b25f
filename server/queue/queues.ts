import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { CertwatchError } from "@/lib/errors";
import { config } from "@/server/env";
import { redisConnection } from "./connection";
import type { QUEUE } from "./payloads";

type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

let connection: Redis | null = null;
const queues = new Map<QueueName, Queue>();

function producerConnection(): Redis {
  const url = config().REDIS_URL;
  if (!url) {
    throw new CertwatchError(
      "QUEUE_UNAVAILABLE",
      "No Redis is configured, so scans cannot be queued.",
      "Start Certwatch with `npm start` (it starts a private Redis) or set REDIS_URL.",
    );
  }
  connection ??= redisConnection(url, "producer");
  return connection;
}

/** Producer-side queue handle for the web process (lazily connected). */
export function queue(name: QueueName): Queue {
  let q = queues.get(name);
  if (!q) {
    q = new Queue(name, { connection: producerConnection(), prefix: config().CERTWATCH_QUEUE_PREFIX });
    q.on("error", () => {}); // surfaced through the failing call instead of crashing the web process
    queues.set(name, q);
  }
  return q;
}
