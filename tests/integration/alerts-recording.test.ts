import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, auditLog, channels, type EndpointRow, endpoints } from "@/db/schema";
import { makeAssessment } from "@/lib/alerts/testing";
import type { Assessment } from "@/lib/assessment/types";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from "@/lib/notifiers";
import { JOB, type RecordJobData } from "@/server/queue/payloads";
import { queueDigests } from "@/server/services/alert/digest";
import { enqueueDeliveries } from "@/server/services/alert/enqueue-deliveries";
import { recordCtAlerts } from "@/server/services/alert/record-ct-alerts";
import { setAlertPolicy } from "@/server/services/alert-policy/set-alert-policy";
import { SECRET_MASK } from "@/server/services/channel/channel-secrets";
import { createChannel } from "@/server/services/channel/create-channel";
import { getChannel, listChannels } from "@/server/services/channel/read-channels";
import { testChannelById } from "@/server/services/channel/test-channel";
import { updateChannel } from "@/server/services/channel/update-channel";
import { recordScan } from "@/server/services/scan/record-scan";
import { startWorkers } from "@/workers/boot";
import { WebhookReceiver } from "../fakes/webhook-receiver";
import { type AlertHarness, actor, startAlertHarness, waitUntil } from "./alerts-harness";

const HOOK_SECRET = "whsec-0123456789abcdef-secret";
const HOOK_TOKEN = "tok-abcdef0123456789-bearer";
const HOOK_PATH = "/hooks/topsecretpath123456";
const DAY = 86_400_000;

let h: AlertHarness;
let channelId: number;
const hook = new WebhookReceiver();
let seq = 0;

beforeAll(async () => {
  h = await startAlertHarness();
  await hook.start();
  h.onCleanup(() => hook.stop());
  const c = await createChannel({
    ctx: h.channelCtx,
    actor,
    input: {
      kind: "webhook",
      name: "Signed hook",
      config: {
        url: hook.url(HOOK_PATH),
        secret: HOOK_SECRET,
        headers: { Authorization: `Bearer ${HOOK_TOKEN}` },
      },
    },
  });
  channelId = c.id;
}, 30_000);

afterAll(() => h?.cleanup());

/** An endpoint row without a schedule: these tests feed the recorder themselves. */
function endpoint(tags: string[] = []): EndpointRow {
  seq++;
  const at = new Date().toISOString();
  return h.db
    .insert(endpoints)
    .values({
      host: `e${seq}.example.test`,
      port: 443,
      tags,
      enabled: false,
      targetKey: `e${seq}`,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
}

function expiring(e: EndpointRow, daysLeft: number, now = new Date()): Assessment {
  const fingerprint = `${e.id.toString(16).padStart(2, "0")}${"ab".repeat(31)}`;
  return makeAssessment({
    now,
    host: e.host,
    ip: "192.0.2.7",
    leaf: { fingerprint, daysLeft, lifetimeDays: 300 },
  });
}

function hooksAbout(text: string) {
  return hook.requests.filter((r) => r.rawBody.includes(text));
}

describe("recording alerts with the scan", () => {
  it("records the most urgent threshold to send and the overtaken ones as passed, in the scan's transaction", () => {
    const e = endpoint();
    const r = recordScan({ db: h.db, endpointId: e.id, scanKey: `k${e.id}`, assessment: expiring(e, 5.5) });
    expect(r.deliveryIds).toHaveLength(1);
    const rows = h.db.select().from(alerts).where(eq(alerts.endpointId, e.id)).all();
    expect(rows.map((a) => [a.threshold, a.disposition]).sort()).toEqual([
      ["14d", "passed"],
      ["30d", "passed"],
      ["7d", "send"],
    ]);
    const again = recordScan({
      db: h.db,
      endpointId: e.id,
      scanKey: `k${e.id}`,
      assessment: expiring(e, 5.5),
    });
    expect(again).toMatchObject({ duplicate: true, deliveryIds: [] });
  });

  it("two record jobs for the same scan, and two scans racing on two worker sets: one alert, one send", async () => {
    const second = await startWorkers({
      cfg: h.cfg,
      log: pino({ level: "silent" }),
      reconcileEveryMs: 60_000,
    });
    h.onCleanup(() => second.stop());
    const e = endpoint();
    const a = expiring(e, 5.5) as unknown as Record<string, unknown>;
    const jobs: [string, RecordJobData][] = [
      ["race_1", { endpointId: e.id, scanKey: "same-scan", assessment: a }],
      ["race_2", { endpointId: e.id, scanKey: "same-scan", assessment: a }],
      ["race_3", { endpointId: e.id, scanKey: "other-scan", assessment: a }],
    ];
    await Promise.all(
      jobs.flatMap(([id, data]) => [
        h.workers.recordQueue.add(JOB.recordScan, data, { jobId: id }),
        second.recordQueue.add(JOB.recordScan, data, { jobId: `${id}_b` }),
      ]),
    );
    await waitUntil("a delivery", () => hooksAbout(`"endpointId":${e.id},`).length >= 1);
    await waitUntil(
      "all six record jobs done",
      async () => (await h.workers.recordQueue.getCompletedCount()) >= 6,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(h.scanCount(e.id)).toBe(2);
    expect(h.sentAlerts(e.id)).toHaveLength(1);
    expect(hooksAbout(`"endpointId":${e.id},`)).toHaveLength(1);
  }, 30_000);

  it("endpoint and tag policies change the thresholds", () => {
    const quiet = endpoint(["prod"]);
    setAlertPolicy({ ctx: { db: h.db }, actor, scope: { tag: "prod" }, input: { expiryDays: [10] } });
    setAlertPolicy({ ctx: { db: h.db }, actor, scope: { endpointId: quiet.id }, input: { expiryDays: [3] } });
    recordScan({ db: h.db, endpointId: quiet.id, scanKey: `p${quiet.id}`, assessment: expiring(quiet, 5.5) });
    expect(h.sentAlerts(quiet.id)).toEqual([]);
    const tagged = endpoint(["prod"]);
    recordScan({
      db: h.db,
      endpointId: tagged.id,
      scanKey: `p${tagged.id}`,
      assessment: expiring(tagged, 8.5),
    });
    expect(h.sentAlerts(tagged.id).map((x) => x.threshold)).toEqual(["10d"]);
    expect(() =>
      setAlertPolicy({ ctx: { db: h.db }, actor, scope: { tag: "prod" }, input: { expiryDays: [0] } }),
    ).toThrow(/Some fields/);
  });

  it("a delivery whose job vanished (flushed Redis) is sent by the sweep", async () => {
    const e = endpoint();
    const direct = new Redis(h.redis.url);
    h.onCleanup(() => direct.quit());
    await h.workers.stop();
    recordScan({ db: h.db, endpointId: e.id, scanKey: `s${e.id}`, assessment: expiring(e, 2.5) });
    await direct.flushall();
    await h.restart();
    await waitUntil("the swept delivery", () => hooksAbout(`"endpointId":${e.id},`).length >= 1);
    // The receiver records the request before the worker reads the response and marks the row sent.
    await waitUntil("the delivery marked sent", () =>
      h.sentAlerts(e.id).every((x) => h.deliveriesOf(x.id)[0]?.status === "sent"),
    );
    expect(h.sentAlerts(e.id).map((x) => h.deliveriesOf(x.id)[0]?.status)).toEqual(["sent"]);
    expect(hooksAbout(`"endpointId":${e.id},`)).toHaveLength(1);
  }, 30_000);
});

describe("CT alerts and the digest", () => {
  it("recordCtAlerts: an unexpected issuance once, the watcher behind and caught up", async () => {
    const now = new Date();
    const found = [
      {
        id: "cd".repeat(32),
        spkiSha256: null,
        names: ["shop.example.org"],
        issuer: "CN=Some Other CA",
        notBefore: now.toISOString(),
        notAfter: new Date(now.getTime() + 90 * DAY).toISOString(),
        logName: "Test Log 2026",
      },
    ];
    const ids = recordCtAlerts({ db: h.db, issuances: { watchId: "example.org", found }, now });
    expect(ids).toHaveLength(1);
    expect(recordCtAlerts({ db: h.db, issuances: { watchId: "example.org", found }, now })).toEqual([]);
    const stale = {
      logId: "log1",
      name: "Test Log 2026",
      backlog: 0,
      lastContactAt: new Date(now.getTime() - 3 * 3_600_000).toISOString(),
    };
    const behind = recordCtAlerts({ db: h.db, health: [stale], now });
    expect(behind).toHaveLength(1);
    expect(recordCtAlerts({ db: h.db, health: [stale], now })).toEqual([]);
    const fresh = { ...stale, lastContactAt: now.toISOString() };
    const caughtUp = recordCtAlerts({ db: h.db, health: [fresh], now: new Date(now.getTime() + 1000) });
    expect(caughtUp).toHaveLength(1);
    await enqueueDeliveries(h.workers.deliverQueue, [...ids, ...behind, ...caughtUp]);
    await waitUntil("three CT deliveries", () => hooksAbout('"event":"ct_').length >= 3);
    expect(hooksAbout("Unexpected certificate for shop.example.org")).toHaveLength(1);
  }, 30_000);

  it("the daily digest goes out once per channel and day, at the channel's UTC hour", async () => {
    const now = new Date(Date.now() + 3_600_000);
    await updateChannel({
      ctx: h.channelCtx,
      actor,
      id: channelId,
      input: { digest: true, digestHourUtc: now.getUTCHours() },
    });
    const ids = queueDigests(h.db, now);
    expect(ids).toHaveLength(1);
    expect(queueDigests(h.db, now)).toEqual([]);
    await enqueueDeliveries(h.workers.deliverQueue, ids);
    await waitUntil("the digest", () => hook.requests.find((r) => r.rawBody.includes('"type":"digest"')));
    const digest = hook.requests.find((r) => r.rawBody.includes('"type":"digest"'))!;
    expect(JSON.parse(digest.rawBody).title).toMatch(/daily digest/);
  }, 30_000);
});

describe("secrets", () => {
  const secrets = [HOOK_SECRET, HOOK_TOKEN, HOOK_PATH.slice(1)];

  it("never reach job data or anything else in Redis", async () => {
    await waitUntil("some deliveries", () => hook.requests.length >= 3);
    const direct = new Redis(h.redis.url);
    h.onCleanup(() => direct.quit());
    const keys = await direct.keys("*");
    const jobKeys = keys.filter((k) => /:deliver:\d|:deliver:deliver_/.test(k));
    expect(jobKeys.length).toBeGreaterThan(0);
    let dump = "";
    for (const k of keys) {
      const type = await direct.type(k);
      if (type === "hash") dump += JSON.stringify(await direct.hgetall(k));
      else if (type === "string") dump += await direct.get(k);
      else if (type === "list") dump += (await direct.lrange(k, 0, -1)).join();
      else if (type === "zset") dump += (await direct.zrange(k, 0, -1)).join();
      else if (type === "set") dump += (await direct.smembers(k)).join();
      else if (type === "stream") dump += JSON.stringify(await direct.xrange(k, "-", "+"));
    }
    expect(dump).toContain("deliveryId");
    for (const s of secrets) expect(dump).not.toContain(s);
  });

  it("are sealed in SQLite, masked in list/get and the audit log, and kept when an edit leaves them masked", async () => {
    const raw = h.db.select().from(channels).where(eq(channels.id, channelId)).get()!;
    const audit = JSON.stringify(h.db.select().from(auditLog).all());
    const listed = JSON.stringify([
      listChannels({ ctx: h.channelCtx, actor }),
      getChannel({ ctx: h.channelCtx, actor, id: channelId }),
    ]);
    for (const text of [JSON.stringify(raw), audit, listed])
      for (const s of secrets) expect(text).not.toContain(s);
    expect(getChannel({ ctx: h.channelCtx, actor, id: channelId }).config).toMatchObject({
      url: SECRET_MASK,
      secret: SECRET_MASK,
    });

    await updateChannel({
      ctx: h.channelCtx,
      actor,
      id: channelId,
      input: {
        name: "Signed hook (renamed)",
        config: { url: SECRET_MASK, secret: "", headers: SECRET_MASK },
      },
    });
    const before = hook.requests.length;
    const result = await testChannelById({ ctx: h.channelCtx, actor, id: channelId });
    expect(result).toMatchObject({ ok: true });
    const req = hook.requests[before]!;
    expect(req.url).toBe(HOOK_PATH);
    expect(req.headers.authorization).toBe(`Bearer ${HOOK_TOKEN}`);
    const ok = verifyWebhookSignature({
      secret: HOOK_SECRET,
      rawBody: req.rawBody,
      signature: req.headers[SIGNATURE_HEADER.toLowerCase()] as string,
      timestamp: req.headers[TIMESTAMP_HEADER.toLowerCase()] as string,
    });
    expect(ok).toBe(true);
    expect(JSON.parse(req.rawBody).type).toBe("test");
  });

  it("a failing send test reports the cause without the secret; viewers may not manage channels", async () => {
    hook.respondWith({ status: 403, body: `denied ${HOOK_TOKEN} at ${HOOK_PATH}` });
    const result = await testChannelById({ ctx: h.channelCtx, actor, id: channelId });
    expect(result).toMatchObject({ ok: false, code: "NOTIFIER_REJECTED" });
    for (const s of secrets) expect(result.message).not.toContain(s);
    const viewer = {
      ...actor,
      kind: "session" as const,
      role: "viewer" as const,
      userId: 1,
      label: "v@example.com",
    };
    await expect(
      createChannel({ ctx: h.channelCtx, actor: viewer, input: { kind: "slack", name: "x", config: {} } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createChannel({
        ctx: h.channelCtx,
        actor,
        input: { kind: "slack", name: "bad", config: { url: "nope" } },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fieldErrors: { "config.url": expect.any(Array) } });
  });
});
