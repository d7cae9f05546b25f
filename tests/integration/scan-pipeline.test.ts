import net from "node:net";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates, observations, scans } from "@/db/schema";
import { SYSTEM_ACTOR as actor } from "@/server/auth/actor";
import { parseConfig } from "@/server/env";
import { QUEUE } from "@/server/queue/payloads";
import type { ServiceContext } from "@/server/services/context";
import { createEndpoint } from "@/server/services/endpoint/create-endpoint";
import { scanEndpointNow } from "@/server/services/endpoint/scan-endpoint-now";
import { type RunningWorkers, startWorkers } from "@/workers/boot";
import { makeChain } from "../fakes/pki";
import { startTestRedis } from "../fakes/redis";
import { startTlsServer } from "../fakes/tls-server";
import { tempDb } from "../support/temp-db";

let redis: Awaited<ReturnType<typeof startTestRedis>>;
let t: ReturnType<typeof tempDb>;
let workers: RunningWorkers;
let ctx: ServiceContext;
const closers: (() => Promise<unknown> | unknown)[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  t = tempDb();
  const cfg = parseConfig({
    REDIS_URL: redis.url,
    DATABASE_PATH: t.file,
    CERTWATCH_MIN_INTERVAL_SECONDS: "1",
    CERTWATCH_SCAN_TIMEOUT_MS: "3000",
  });
  workers = await startWorkers({ cfg, log: pino({ level: "silent" }), reconcileEveryMs: 500 });
  ctx = { db: t.db, config: cfg, probeQueue: () => workers.probeQueue };
});

afterAll(async () => {
  for (const c of closers.reverse()) await c();
  await workers?.stop();
  t?.remove();
  await redis?.cleanup();
});

async function waitForScans(endpointId: number, count: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = t.db.select().from(scans).where(eq(scans.endpointId, endpointId)).all();
    if (rows.length >= count) return rows;
    if (Date.now() > deadline) throw new Error(`only ${rows.length} scan(s) for endpoint ${endpointId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("schedule → probe → record", () => {
  it("scans a TLS endpoint on schedule and stores the scan, each certificate once, and observations", async () => {
    const pki = await makeChain("localhost", { notAfterDays: 20 });
    const server = await startTlsServer({ cert: pki.leaf.pem + pki.intermediate.pem, key: pki.leaf.keyPem });
    closers.push(() => server.close());
    const e = await createEndpoint({
      ctx,
      actor,
      input: {
        host: "localhost",
        port: server.port,
        ip: "127.0.0.1",
        intervalSeconds: 1,
        caPem: pki.root.pem,
      },
    });
    const rows = await waitForScans(e.id, 2);
    expect(rows[0]).toMatchObject({ outcome: "ok", ip: "127.0.0.1", trusted: true, hostnameMatch: true });
    expect(rows[0]?.leafFingerprint).toMatch(/^[0-9a-f]{64}$/);
    const certs = t.db.select().from(certificates).all();
    expect(certs.filter((c) => c.subject.includes("localhost"))).toHaveLength(1);
    const obs = t.db.select().from(observations).where(eq(observations.endpointId, e.id)).all();
    expect(obs.map((o) => o.position).sort()).toEqual([0, 1]);
  });

  it("records refused, silent and plain-HTTP endpoints as failed scans with a code, and keeps working", async () => {
    const refused = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const http = net.createServer((sock) => {
      sock.once("data", () => sock.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
    });
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", () => r()));
    closers.push(() => new Promise((r) => http.close(r)));
    const httpPort = (http.address() as net.AddressInfo).port;

    const a = await createEndpoint({
      ctx,
      actor,
      input: { host: "127.0.0.1", port: refused, intervalSeconds: 3600 },
    });
    const b = await createEndpoint({
      ctx,
      actor,
      input: { host: "127.0.0.1", port: httpPort, intervalSeconds: 3600 },
    });
    const [sa] = await waitForScans(a.id, 1);
    const [sb] = await waitForScans(b.id, 1);
    expect(sa).toMatchObject({ outcome: "error", errorCode: "CONNECTION_REFUSED" });
    expect(sb).toMatchObject({ outcome: "error", errorCode: "NOT_TLS" });
    expect(sb?.errorHint).toMatch(/HTTP/);
  });

  it("scan now queues an immediate probe", async () => {
    const pki = await makeChain("localhost");
    const server = await startTlsServer({ cert: pki.leaf.pem + pki.intermediate.pem, key: pki.leaf.keyPem });
    closers.push(() => server.close());
    const e = await createEndpoint({
      ctx,
      actor,
      input: { host: "127.0.0.1", port: server.port, intervalSeconds: 3600 },
    });
    await waitForScans(e.id, 1);
    await scanEndpointNow({ ctx, actor, id: e.id });
    const rows = await waitForScans(e.id, 2);
    expect(rows[1]?.outcome).toBe("ok");
  });

  it("a flushed Redis loses nothing but time: schedules come back from SQLite", async () => {
    const direct = new Redis(redis.url);
    closers.push(() => direct.quit());
    await direct.flushall();
    expect(await workers.probeQueue.getJobSchedulersCount()).toBe(0);
    await workers.reconcile();
    const ids = (await workers.probeQueue.getJobSchedulers(0, -1)).map((s) => s.key);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(QUEUE.probe).toBe("probe");
  });
});
