// Shared set-up for the alerts-*.test.ts files: real Redis, a real SQLite file, workers in-process,
// real TLS endpoints whose leaf expires in N days. Not a test file itself.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import pino from "pino";
import { alerts, deliveries, scans } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { secretKey } from "@/server/crypto/secret-box";
import { type Config, parseConfig } from "@/server/env";
import type { ChannelContext } from "@/server/services/channel/context";
import type { ServiceContext } from "@/server/services/context";
import { createEndpoint } from "@/server/services/endpoint/create-endpoint";
import { type RunningWorkers, startWorkers } from "@/workers/boot";
import type { DeliverBackoff } from "@/workers/queues/deliver.config";
import { makeChain } from "../fakes/pki";
import { startTestRedis } from "../fakes/redis";
import { startTlsServer } from "../fakes/tls-server";
import { tempDb } from "../support/temp-db";

export const actor = SYSTEM_ACTOR;
export const BASE_URL = "https://certwatch.example.test";

export async function waitUntil<T>(
  what: string,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function startAlertHarness(opts: { backoff?: DeliverBackoff; reconcileEveryMs?: number } = {}) {
  const redis = await startTestRedis();
  const t = tempDb();
  const cfg: Config = parseConfig({
    REDIS_URL: redis.url,
    DATABASE_PATH: t.file,
    CERTWATCH_MIN_INTERVAL_SECONDS: "1",
    CERTWATCH_SCAN_TIMEOUT_MS: "3000",
    CERTWATCH_SECRET_KEY: randomBytes(32).toString("hex"),
    CERTWATCH_BASE_URL: BASE_URL,
  });
  const closers: (() => Promise<unknown> | unknown)[] = [];
  const start = () =>
    startWorkers({
      cfg,
      log: pino({ level: "silent" }),
      reconcileEveryMs: opts.reconcileEveryMs ?? 500,
      deliverBackoff: opts.backoff ?? { baseMs: 200, capMs: 1_000 },
    });
  const h = {
    cfg,
    db: t.db,
    redis,
    workers: await start(),
    get ctx(): ServiceContext {
      return { db: t.db, config: cfg, probeQueue: () => h.workers.probeQueue };
    },
    channelCtx: {
      db: t.db,
      secretKey: secretKey(cfg),
      baseUrl: BASE_URL,
      timeoutMs: 5_000,
    } as ChannelContext,
    async restart(): Promise<RunningWorkers> {
      await h.workers.stop();
      h.workers = await start();
      return h.workers;
    },
    /** A TLS endpoint (private CA) whose leaf has `daysLeft` days (+12 h) left and a 300+ day lifetime. */
    async endpointExpiringIn(daysLeft: number, input: Record<string, unknown> = {}) {
      const pki = await makeChain("localhost", { notBeforeDays: -300, notAfterDays: daysLeft + 0.5 });
      const server = await startTlsServer({
        cert: pki.leaf.pem + pki.intermediate.pem,
        key: pki.leaf.keyPem,
      });
      closers.push(() => server.close());
      return createEndpoint({
        ctx: h.ctx,
        actor,
        input: {
          host: "localhost",
          port: server.port,
          ip: "127.0.0.1",
          intervalSeconds: 1,
          caPem: pki.root.pem,
          ...input,
        },
      });
    },
    scanCount(endpointId: number): number {
      return t.db.select({ id: scans.id }).from(scans).where(eq(scans.endpointId, endpointId)).all().length;
    },
    sentAlerts(endpointId: number) {
      return t.db
        .select()
        .from(alerts)
        .where(eq(alerts.endpointId, endpointId))
        .all()
        .filter((a) => a.disposition === "send");
    },
    deliveriesOf(alertId: number) {
      return t.db.select().from(deliveries).where(eq(deliveries.alertId, alertId)).all();
    },
    onCleanup(fn: () => Promise<unknown> | unknown) {
      closers.push(fn);
    },
    async cleanup() {
      for (const c of closers.reverse()) await c();
      await h.workers?.stop();
      t.remove();
      await redis.cleanup();
    },
  };
  return h;
}

export type AlertHarness = Awaited<ReturnType<typeof startAlertHarness>>;
