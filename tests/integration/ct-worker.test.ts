import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  alerts,
  certificates,
  crtshStatus,
  ctLogListStatus,
  ctLogs,
  ctSightingEntries,
  ctSightings,
} from "@/db/schema";
import { logIdFromKey } from "@/lib/ct";
import { SYSTEM_ACTOR as actor } from "@/server/auth/actor";
import { parseConfig } from "@/server/env";
import type { ServiceContext } from "@/server/services/context";
import { acknowledgeSighting } from "@/server/services/ct/acknowledge-sighting";
import { addWatchedDomain } from "@/server/services/ct/add-watched-domain";
import { type RunningWorkers, startWorkers } from "@/workers/boot";
import { type FakeCrtsh, startFakeCrtsh } from "../fakes/crtsh-server";
import { precertEntryFor, x509Entry } from "../fakes/ct-log-entries";
import { type FakeRfc6962Log, startFakeRfc6962Log } from "../fakes/ct-log-rfc6962";
import { type FakeStaticLog, startFakeStaticLog } from "../fakes/ct-log-static";
import { type CtTestPki, ctTestPki } from "../fakes/ct-test-pki";
import { startTestRedis } from "../fakes/redis";
import { tempDb } from "../support/temp-db";

let redis: Awaited<ReturnType<typeof startTestRedis>>;
let t: ReturnType<typeof tempDb>;
let workers: RunningWorkers;
let ctx: ServiceContext;
let pki: CtTestPki;
let tiled: FakeStaticLog;
let rfc: FakeRfc6962Log;
let crtsh: FakeCrtsh;
let dir: string;

function spkiB64(pem: string): string {
  return Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64").toString("base64");
}

function logListFile(): string {
  const entry = (pem: string) => ({
    description: "",
    log_id: logIdFromKey(pem).toString("base64"),
    key: spkiB64(pem),
    mmd: 60,
    state: { usable: { timestamp: "2026-01-01T00:00:00Z" } },
  });
  const list = {
    version: "test.1",
    operators: [
      {
        name: "Local",
        logs: [{ ...entry(rfc.log.key.publicPem), description: "Local RFC 6962", url: rfc.url }],
        tiled_logs: [
          {
            ...entry(tiled.log.key.publicPem),
            description: "Local static",
            submission_url: `http://${tiled.origin}/`,
            monitoring_url: tiled.monitoringUrl,
          },
        ],
      },
    ],
  };
  const file = path.join(dir, "log_list.json");
  fs.writeFileSync(file, JSON.stringify(list));
  return file;
}

async function until<T>(what: string, probe: () => T | undefined | null | false, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  pki = await ctTestPki();
  [redis, tiled, rfc, crtsh] = await Promise.all([
    startTestRedis(),
    startFakeStaticLog(),
    startFakeRfc6962Log(),
    startFakeCrtsh(),
  ]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-ct-worker-"));
  const old = await pki.leaf(["old.example.com"]);
  tiled.log.add(x509Entry(old.der, { static: true, index: 0 }));
  tiled.log.publish();
  rfc.log.add(x509Entry(old.der));
  rfc.log.publish();
  t = tempDb();
  const cfg = parseConfig({
    REDIS_URL: redis.url,
    DATABASE_PATH: t.file,
    CERTWATCH_CT_LOG_LIST_URL: logListFile(),
    CERTWATCH_CRTSH_URL: crtsh.url,
  });
  ctx = { db: t.db, config: cfg };
  await addWatchedDomain({ ctx, actor, input: { pattern: ".example.com" } });
  workers = await startWorkers({ cfg, log: pino({ level: "silent" }), ctTickEveryMs: 300 });
});

afterAll(async () => {
  await workers?.stop();
  t?.remove();
  await Promise.all([tiled?.close(), rfc?.close(), crtsh?.close()]);
  await redis?.cleanup();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("CT worker: log list → polls → verified sightings in SQLite", () => {
  it("loads the list, starts each log at its end, and records crt.sh's answer", async () => {
    const status = await until("log list", () => t.db.select().from(ctLogListStatus).get());
    expect(status).toMatchObject({ version: "test.1", logCount: 2, tailedCount: 2, lastError: null });
    const logs = await until("both logs initialised", () => {
      const rows = t.db.select().from(ctLogs).all();
      return rows.length === 2 && rows.every((r) => r.position === 1) && rows;
    });
    expect(logs.map((l) => l.kind).sort()).toEqual(["rfc6962", "static"]);
    const c = await until(
      "crt.sh status",
      () => t.db.select().from(crtshStatus).get()?.lastSuccessAt && t.db.select().from(crtshStatus).get(),
    );
    expect(c).toMatchObject({ rowCount: 1, recordCount: 1, truncated: false });
    const rows = t.db.select().from(ctSightings).all();
    expect(rows.map((r) => r.issuer)).toEqual([
      'C=US, O="CLOUDFLARE, INC.", CN=Cloudflare TLS Issuing ECC CA 1',
    ]);
  });

  it("stores one sighting per issuance with all its entries, classified", async () => {
    const fresh = await pki.leaf(["new.example.com"]);
    const known = await pki.leaf(["known.example.com"]);
    const x = known.cert;
    t.db
      .insert(certificates)
      .values({
        fingerprintSha256: (await import("node:crypto")).createHash("sha256").update(known.der).digest("hex"),
        der: known.der,
        subject: x.subject,
        issuer: x.issuer,
        serialNumber: x.serialNumber,
        notBefore: x.notBefore.toISOString(),
        notAfter: x.notAfter.toISOString(),
        spkiSha256: "unused",
        firstSeenAt: new Date().toISOString(),
      })
      .run();
    tiled.log.add(
      precertEntryFor(fresh.der, pki.caSpki, { static: true, index: 1 }),
      x509Entry(fresh.der, { static: true, index: 2 }),
    );
    tiled.log.publish();
    rfc.log.add(x509Entry(known.der));
    rfc.log.publish();
    const rows = await until("two CT sightings", () => {
      const r = t.db
        .select()
        .from(ctSightings)
        .all()
        .filter((s) => s.tbsSha256);
      return r.length === 2 && r;
    });
    const byName = Object.fromEntries(rows.map((r) => [r.dnsNames[0], r]));
    expect(byName["new.example.com"]).toMatchObject({
      status: "unexpected",
      precertOnly: false,
      watchItem: ".example.com",
    });
    expect(byName["known.example.com"]).toMatchObject({
      status: "expected",
      reason: "certificate already seen on a monitored endpoint",
    });
    expect(rows.some((r) => r.dnsNames.includes("old.example.com"))).toBe(false);
    const entries = t.db
      .select()
      .from(ctSightingEntries)
      .where(eq(ctSightingEntries.sightingId, byName["new.example.com"]!.id))
      .all();
    expect(entries.map((e) => [e.entryIndex, e.entryType])).toEqual([
      [1, "precert"],
      [2, "x509"],
    ]);
    const raised = t.db.select().from(alerts).where(eq(alerts.event, "ct_unexpected_issuance")).all();
    expect(raised.map((a) => a.fingerprint)).toEqual([byName["new.example.com"]!.issuanceKey]);
    expect(raised[0]!.title).toMatch(/new\.example\.com/);
    const ack = await acknowledgeSighting({ ctx, actor, id: byName["new.example.com"]!.id });
    expect(ack).toMatchObject({ status: "acknowledged", acknowledgedBy: "system" });
  });

  it("refuses a tampered log, keeps its verified position and marks it misbehaving", async () => {
    const evil = await pki.leaf(["evil.example.com"]);
    rfc.log.add(x509Entry(evil.der));
    rfc.log.knobs.tamperIndex = rfc.log.entries.length - 1;
    rfc.log.publish();
    const row = await until(
      "misbehaving mark",
      () =>
        t.db.select().from(ctLogs).where(eq(ctLogs.kind, "rfc6962")).get()?.misbehavingAt &&
        t.db.select().from(ctLogs).where(eq(ctLogs.kind, "rfc6962")).get(),
    );
    expect(row).toMatchObject({ position: 2, lastErrorCode: "CT_ROOT_MISMATCH" });
    // Every later pass is refused too, but the admins hear of the episode once.
    await until("a second refusal", () => {
      const r = t.db.select().from(ctLogs).where(eq(ctLogs.kind, "rfc6962")).get();
      return (r?.consecutiveErrors ?? 0) >= 2 && r;
    });
    const raised = t.db
      .select()
      .from(alerts)
      .all()
      .filter((a) => a.event === "ct_log_misbehaving");
    expect(raised).toHaveLength(1);
    expect(raised[0]?.title).toContain("does not verify");
    expect(
      t.db
        .select()
        .from(ctSightings)
        .all()
        .some((s) => s.dnsNames.includes("evil.example.com")),
    ).toBe(false);
  });
});
