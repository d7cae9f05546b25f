import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIdFromKey } from "@/lib/ct";
import { type FakeCrtsh, startFakeCrtsh } from "../fakes/crtsh-server";
import { x509Entry } from "../fakes/ct-log-entries";
import { type FakeStaticLog, startFakeStaticLog } from "../fakes/ct-log-static";
import { ctTestPki } from "../fakes/ct-test-pki";
import { type RunningProduct, seedUser, startProduct } from "../fakes/product";
import { apiClient } from "../support/api-client";
import { apiV1Routes, samplePath } from "../support/api-routes";

let product: RunningProduct;
let editor: ReturnType<typeof seedUser>;
let viewer: ReturnType<typeof seedUser>;
let admin: ReturnType<typeof seedUser>;
let crtsh: FakeCrtsh;
let tiled: FakeStaticLog;
let dir: string;

const ours = apiV1Routes().filter((r) => /^\/api\/v1\/(domains|sightings|ct)\b/.test(r.path));

/** A v3 log list naming one local static-ct log (no signature: the product then reports it unchecked). */
function logListFile(): string {
  const pem = tiled.log.key.publicPem;
  const key = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64").toString("base64");
  const list = {
    version: "api.1",
    operators: [
      {
        name: "Local",
        logs: [],
        tiled_logs: [
          {
            description: "Local static",
            log_id: logIdFromKey(pem).toString("base64"),
            key,
            mmd: 60,
            state: { usable: { timestamp: "2026-01-01T00:00:00Z" } },
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

beforeAll(async () => {
  [crtsh, tiled] = await Promise.all([startFakeCrtsh(), startFakeStaticLog()]);
  const pki = await ctTestPki();
  tiled.log.add(x509Entry((await pki.leaf(["old.zxdev.com"])).der, { static: true, index: 0 }));
  tiled.log.publish();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-api-ct-"));
  product = await startProduct({
    CERTWATCH_CRTSH_URL: crtsh.url,
    CERTWATCH_CT_LOG_LIST_URL: logListFile(),
    CERTWATCH_CT_TICK_SECONDS: "2",
  });
  admin = seedUser(product.dataDir, "admin@example.com", "admin");
  editor = seedUser(product.dataDir, "editor@example.com", "editor");
  viewer = seedUser(product.dataDir, "viewer@example.com", "viewer");
}, 300_000);

afterAll(async () => {
  await product?.stop();
  await Promise.all([crtsh?.close(), tiled?.close()]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const { api, send } = apiClient(() => product.baseUrl);

const json = async (token: string, p: string) => {
  const res = await api(token, p);
  expect(res.status, p).toBe(200);
  return res.json();
};

async function poll<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

type Sighting = { id: number; status: string; issuer: string; entries: { logId: string }[] };

describe("CT routes", () => {
  it("are all there", () => {
    expect(ours.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "DELETE /api/v1/domains/{id}",
      "GET /api/v1/ct/logs",
      "GET /api/v1/domains",
      "GET /api/v1/sightings",
      "PATCH /api/v1/domains/{id}",
      "POST /api/v1/domains",
      "POST /api/v1/sightings/{id}/acknowledge",
    ]);
  });

  it("refuse anonymous requests with 401 and viewers' writes with 403 before reading a body", async () => {
    for (const r of ours) {
      const anon = await api(null, samplePath(r.path), { method: r.method });
      expect(anon.status, `${r.method} ${r.path}`).toBe(401);
      expect((await anon.json()).error.code).toBe("UNAUTHENTICATED");
      if (r.method === "GET") {
        expect((await api(viewer.token, samplePath(r.path))).status, r.path).toBe(200);
        continue;
      }
      const res = await api(viewer.token, samplePath(r.path), { method: r.method });
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: "FORBIDDEN", message: expect.any(String) });
    }
  });
});

describe("watched domains, sightings and acknowledgements over the API", () => {
  let domainId: number;
  let sightings: Sighting[];

  it("answers 422 with field errors for the wire shape and for the domain itself", async () => {
    const wire = await send(editor.token, "POST", "/api/v1/domains", {
      pattern: 5,
      allowedIssuers: "x",
      y: 1,
    });
    expect(wire.status).toBe(422);
    const w = (await wire.json()).error;
    expect(w.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(w.fields).sort()).toEqual(["_", "allowedIssuers", "pattern"]);
    for (const pattern of [".", "*.zxdev.com", "exa mple.com"]) {
      const res = await send(editor.token, "POST", "/api/v1/domains", { pattern });
      expect(res.status, pattern).toBe(422);
      expect(Object.keys((await res.json()).error.fields), pattern).toEqual(["pattern"]);
    }
  });

  it("adds a watched domain (409 when watched already) and lists it", async () => {
    const res = await send(editor.token, "POST", "/api/v1/domains", { pattern: " .ZXDEV.com " });
    expect(res.status).toBe(201);
    const d = await res.json();
    domainId = d.id;
    expect(d).toMatchObject({ pattern: ".zxdev.com", allowedIssuers: [] });
    expect((await send(editor.token, "POST", "/api/v1/domains", { pattern: ".zxdev.com" })).status).toBe(409);
    const list = await json(viewer.token, "/api/v1/domains");
    expect(list.data.map((x: { pattern: string }) => x.pattern)).toEqual([".zxdev.com"]);
  });

  it("lists the sightings the product's crt.sh poll recorded (within a CT tick)", async () => {
    sightings = await poll(
      "crt.sh sightings",
      async () => {
        const page = await json(viewer.token, `/api/v1/sightings?domain=${domainId}`);
        return page.data.length >= 3 ? (page.data as Sighting[]) : null;
      },
      150_000,
    );
    for (const s of sightings) {
      expect(s.status).toBe("unexpected");
      expect(s.entries.every((e) => e.logId === "crt.sh")).toBe(true);
    }
    const domains = await json(viewer.token, "/api/v1/domains");
    expect(domains.data[0].crtsh).toMatchObject({ lastErrorCode: null, truncated: false });
    expect(domains.data[0].crtsh.lastSuccessAt).toEqual(expect.any(String));
  }, 160_000);

  it("pages newest first and answers 422 for bad filters", async () => {
    const all = await json(viewer.token, "/api/v1/sightings?limit=200");
    const ids = all.data.map((s: Sighting) => s.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const q: string = cursor ? `&cursor=${cursor}` : "";
      const page = await json(viewer.token, `/api/v1/sightings?limit=2${q}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((s: Sighting) => s.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(ids);
    const bad = await api(viewer.token, "/api/v1/sightings?status=maybe&domain=x&cursor=abc");
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["cursor", "domain", "status"]);
  });

  it("PATCH replaces allowed issuers and reclassifies open sightings", async () => {
    const google = sightings.filter((s) => s.issuer.includes("Google Trust Services"));
    expect(google.length).toBeGreaterThan(0);
    expect(google.length).toBeLessThan(sightings.length);
    const res = await send(editor.token, "PATCH", `/api/v1/domains/${domainId}`, {
      allowedIssuers: ["google trust services"],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: domainId,
      allowedIssuers: ["google trust services"],
      reclassified: google.length,
    });
    const expected = await json(viewer.token, `/api/v1/sightings?status=expected&domain=${domainId}`);
    expect(expected.data.map((s: Sighting) => s.id).sort()).toEqual(google.map((s) => s.id).sort());
    const bad = await send(editor.token, "PATCH", `/api/v1/domains/${domainId}`, { allowedIssuers: "x" });
    expect(bad.status).toBe(422);
    expect((await send(editor.token, "PATCH", "/api/v1/domains/999999", { allowedIssuers: [] })).status).toBe(
      404,
    );
  });

  it("acknowledges an unexpected sighting and records who did", async () => {
    const open = await json(viewer.token, "/api/v1/sightings?status=unexpected");
    const target = open.data[0] as Sighting;
    const res = await api(editor.token, `/api/v1/sightings/${target.id}/acknowledge`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: target.id,
      status: "acknowledged",
      acknowledgedBy: "editor@example.com",
      acknowledgedAt: expect.any(String),
      entries: target.entries,
    });
    const acked = await json(viewer.token, "/api/v1/sightings?status=acknowledged");
    expect(acked.data.map((s: Sighting) => s.id)).toEqual([target.id]);
    const still = await json(viewer.token, "/api/v1/sightings?status=unexpected");
    expect(still.data.map((s: Sighting) => s.id)).not.toContain(target.id);
    expect((await api(editor.token, "/api/v1/sightings/999999/acknowledge", { method: "POST" })).status).toBe(
      404,
    );
    const audit = await json(admin.token, "/api/v1/audit?targetType=ct_sighting");
    expect(audit.data[0]).toMatchObject({
      action: "sighting.acknowledge",
      targetId: String(target.id),
      actorLabel: expect.stringMatching(/^editor@example.com/),
    });
  });

  it("shows the log list and each log's health", async () => {
    const health = await poll(
      "log list loaded",
      async () => {
        const h = await json(viewer.token, "/api/v1/ct/logs");
        return h.list?.lastSuccessAt ? h : null;
      },
      90_000,
    );
    expect(health.list).toMatchObject({ version: "api.1", logCount: 1, tailedCount: 1, lastError: null });
    expect(health.logs).toHaveLength(1);
    expect(health.logs[0]).toMatchObject({ description: "Local static", kind: "static", tailed: true });
    expect(health.logs[0]).not.toHaveProperty("tailState");
  }, 100_000);

  it("stops watching a domain; its sightings stay", async () => {
    const before = (await json(viewer.token, "/api/v1/sightings?limit=200")).data.length;
    expect((await api(editor.token, `/api/v1/domains/${domainId}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(editor.token, `/api/v1/domains/${domainId}`, { method: "DELETE" })).status).toBe(404);
    expect((await json(viewer.token, "/api/v1/domains")).data).toEqual([]);
    expect((await json(viewer.token, "/api/v1/sightings?limit=200")).data.length).toBe(before);
    const audit = await json(admin.token, "/api/v1/audit?targetType=ct_domain");
    expect(audit.data.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(["domain.watch", "domain.issuers", "domain.unwatch"]),
    );
  });
});
