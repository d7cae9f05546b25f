import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeChain, type TestPki } from "../fakes/pki";
import { type RunningProduct, seedUser, startProduct } from "../fakes/product";
import { type StartedServer, startTlsServer } from "../fakes/tls-server";
import { WebhookReceiver } from "../fakes/webhook-receiver";
import { apiClient } from "../support/api-client";
import { apiV1Routes, samplePath } from "../support/api-routes";

// Secrets of the webhook channel: none of these may appear in any API response.
const HOOK_PATH = "/hooks/tok-9f3a7c21e8d4b6005a1c";
const HOOK_SECRET = "hmac-secret-5e1d0c9b8a7f6e5d4c3b";
const HOOK_HEADER = "Bearer hdr-secret-77aa11bb22cc";
const SECRETS = [HOOK_PATH.slice(1), HOOK_SECRET, HOOK_HEADER];

let product: RunningProduct;
let admin: ReturnType<typeof seedUser>;
let editor: ReturnType<typeof seedUser>;
let viewer: ReturnType<typeof seedUser>;
const hook = new WebhookReceiver();
let pki: TestPki;
const servers: StartedServer[] = [];

const ours = apiV1Routes().filter((r) =>
  /^\/api\/v1\/(channels|alerts|endpoints\/\{id\}\/alert-policy)/.test(r.path),
);

beforeAll(async () => {
  product = await startProduct();
  await hook.start();
  admin = seedUser(product.dataDir, "admin@example.com", "admin");
  editor = seedUser(product.dataDir, "editor@example.com", "editor");
  viewer = seedUser(product.dataDir, "viewer@example.com", "viewer");
  // Five days left of ninety: the 7-day expiry threshold fires on the first scan.
  pki = await makeChain("localhost", { notBeforeDays: -85, notAfterDays: 5 });
  for (let i = 0; i < 2; i++) {
    servers.push(await startTlsServer({ cert: [pki.leaf.pem, pki.intermediate.pem], key: pki.leaf.keyPem }));
  }
}, 300_000);

afterAll(async () => {
  for (const s of servers) await s.close();
  await hook.stop();
  await product?.stop();
});

const { api, send } = apiClient(() => product.baseUrl);

async function poll<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function expectNoSecret(text: string, where: string): void {
  for (const s of SECRETS) expect(text, `${where} leaks ${s}`).not.toContain(s);
}

describe("alert and channel routes", () => {
  it("are all there", () => {
    const names = ours.map((r) => `${r.method} ${r.path}`).sort();
    expect(names).toEqual([
      "DELETE /api/v1/channels/{id}",
      "GET /api/v1/alerts",
      "GET /api/v1/alerts/{id}",
      "GET /api/v1/channels",
      "GET /api/v1/channels/{id}",
      "GET /api/v1/endpoints/{id}/alert-policy",
      "PATCH /api/v1/channels/{id}",
      "POST /api/v1/channels",
      "POST /api/v1/channels/{id}/test",
      "PUT /api/v1/endpoints/{id}/alert-policy",
    ]);
  });

  it("refuse anonymous requests with 401 and viewers' writes with 403 before reading a body", async () => {
    for (const r of ours) {
      const anon = await api(null, samplePath(r.path), { method: r.method });
      expect(anon.status, `${r.method} ${r.path}`).toBe(401);
      expect((await anon.json()).error.code).toBe("UNAUTHENTICATED");
      if (r.method === "GET") continue;
      const res = await api(viewer.token, samplePath(r.path), { method: r.method });
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: "FORBIDDEN", message: expect.any(String) });
    }
  });

  it("leave channel changes and tests to admins", async () => {
    const body = { kind: "slack", name: "x", config: { url: "https://hooks.slack.com/services/x" } };
    expect((await send(editor.token, "POST", "/api/v1/channels", body)).status).toBe(403);
    expect((await api(editor.token, "/api/v1/channels/1/test", { method: "POST" })).status).toBe(403);
    expect((await api(viewer.token, "/api/v1/channels")).status).toBe(200);
  });
});

describe("channels over the API", () => {
  let channelId: number;

  it("answers 422 with field errors, for the wire shape and for the kind's settings", async () => {
    const wire = await send(admin.token, "POST", "/api/v1/channels", { kind: "pigeon", name: 5, extra: 1 });
    expect(wire.status).toBe(422);
    const w = (await wire.json()).error;
    expect(w.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(w.fields).sort()).toEqual(["_", "config", "kind", "name"]);

    const settings = await send(admin.token, "POST", "/api/v1/channels", {
      kind: "webhook",
      name: "Bad hook",
      config: { url: "ftp://example.com/x", secret: "short" },
    });
    expect(settings.status).toBe(422);
    const s = (await settings.json()).error;
    expect(Object.keys(s.fields).sort()).toEqual(["config.secret", "config.url"]);
  });

  it("creates a webhook channel and never returns its secrets (create, list, get, viewer list)", async () => {
    const res = await send(admin.token, "POST", "/api/v1/channels", {
      kind: "webhook",
      name: "Ops hook",
      config: { url: hook.url(HOOK_PATH), secret: HOOK_SECRET, headers: { Authorization: HOOK_HEADER } },
      events: ["expiry"],
    });
    expect(res.status).toBe(201);
    const text = await res.text();
    expectNoSecret(text, "create");
    const created = JSON.parse(text);
    channelId = created.id;
    expect(created).toMatchObject({ kind: "webhook", name: "Ops hook", events: ["expiry"], enabled: true });
    expect(created.config).toEqual({ url: "••••••••", secret: "••••••••", headers: "••••••••" });

    for (const [token, p] of [
      [admin.token, "/api/v1/channels"],
      [admin.token, `/api/v1/channels/${channelId}`],
      [viewer.token, "/api/v1/channels"],
    ] as const) {
      const r = await api(token, p);
      expect(r.status, p).toBe(200);
      expectNoSecret(await r.text(), p);
    }
    const dup = await send(admin.token, "POST", "/api/v1/channels", {
      kind: "slack",
      name: "Ops hook",
      config: { url: "https://hooks.slack.com/services/T/B/x" },
    });
    expect(dup.status).toBe(409);
  });

  it("sends a test message to the local receiver and reports the delivery", async () => {
    const before = hook.requests.length;
    const res = await api(admin.token, `/api/v1/channels/${channelId}/test`, { method: "POST" });
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toMatchObject({ ok: true, code: null });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    const got = hook.requests.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ method: "POST", url: HOOK_PATH });
    expect(got[0]?.headers.authorization).toBe(HOOK_HEADER);
  });

  it("reports a failed test as a result without the secrets", async () => {
    hook.respondWith({ status: 500, body: `echo ${HOOK_SECRET}` });
    const res = await api(admin.token, `/api/v1/channels/${channelId}/test`, { method: "POST" });
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNoSecret(text, "failed test");
    expect(JSON.parse(text)).toMatchObject({ ok: false, code: expect.any(String) });
  });

  it("PATCH changes only what is sent and keeps omitted secrets", async () => {
    const res = await send(admin.token, "PATCH", `/api/v1/channels/${channelId}`, {
      name: "Ops webhook",
      config: { url: "••••••••" },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNoSecret(text, "patch");
    expect(JSON.parse(text)).toMatchObject({ name: "Ops webhook", kind: "webhook", events: ["expiry"] });
    const before = hook.requests.length;
    const test = await (
      await api(admin.token, `/api/v1/channels/${channelId}/test`, { method: "POST" })
    ).json();
    expect(test.ok).toBe(true);
    expect(hook.requests.slice(before).map((r) => r.url)).toEqual([HOOK_PATH]);
    const kind = await send(admin.token, "PATCH", `/api/v1/channels/${channelId}`, { kind: "slack" });
    expect(kind.status).toBe(422);
  });

  it("records channel changes in the audit log without secret values", async () => {
    const res = await api(admin.token, "/api/v1/audit?targetType=channel");
    const text = await res.text();
    expectNoSecret(text, "audit");
    const actions = JSON.parse(text).data.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["channel.create", "channel.update"]));
  });
});

describe("alerts over the API", () => {
  const endpointIds: number[] = [];

  it("lists the alerts a real scan raised, with the webhook's delivery status", async () => {
    for (const s of servers) {
      const res = await send(editor.token, "POST", "/api/v1/endpoints", {
        host: "localhost",
        port: s.port,
        ip: "127.0.0.1",
        caPem: pki.root.pem,
        enabled: false,
      });
      expect(res.status).toBe(201);
      const id = (await res.json()).id as number;
      endpointIds.push(id);
      expect((await api(editor.token, `/api/v1/endpoints/${id}/scan`, { method: "POST" })).status).toBe(202);
    }
    const sent = await poll("both expiry alerts delivered", async () => {
      const page = await (await api(viewer.token, "/api/v1/alerts?event=expiry")).json();
      const done = page.data.filter(
        (a: { deliveries: { status: string }[] }) => a.deliveries[0]?.status === "sent",
      );
      return done.length >= 2 ? page.data : null;
    });
    expect(sent[0]).toMatchObject({
      event: "expiry",
      status: "firing",
      disposition: "send",
      endpoint: { host: "localhost" },
      deliveries: [{ channelId: expect.any(Number), channelName: "Ops webhook", kind: "webhook" }],
    });
    expectNoSecret(JSON.stringify(sent), "alerts");
    const bodies = hook.requests.map((r) => r.rawBody).join("\n");
    for (const id of endpointIds) expect(bodies).toContain(`"endpointId":${id},`);
  }, 120_000);

  it("filters by endpoint, event and status and pages newest first", async () => {
    const [first, second] = endpointIds as [number, number];
    const one = await (await api(viewer.token, `/api/v1/alerts?endpoint=${first}&event=expiry`)).json();
    expect(one.data.map((a: { endpointId: number }) => a.endpointId)).toEqual([first]);
    const resolved = await (await api(viewer.token, "/api/v1/alerts?status=resolved")).json();
    expect(resolved).toEqual({ data: [], nextCursor: null });
    const renewed = await (await api(viewer.token, "/api/v1/alerts?event=renewed")).json();
    expect(renewed.data).toEqual([]);

    const p1 = await (await api(viewer.token, "/api/v1/alerts?event=expiry&limit=1")).json();
    expect(p1.data).toHaveLength(1);
    expect(p1.nextCursor).toMatch(/^\d+$/);
    const p2 = await (
      await api(viewer.token, `/api/v1/alerts?event=expiry&limit=1&cursor=${p1.nextCursor}`)
    ).json();
    expect(p2.data).toHaveLength(1);
    expect(p2.data[0].id).toBeLessThan(p1.data[0].id);
    expect([p1.data[0].endpointId, p2.data[0].endpointId].sort()).toEqual([first, second].sort());

    const single = await api(viewer.token, `/api/v1/alerts/${p1.data[0].id}`);
    expect(await single.json()).toEqual(p1.data[0]);
    expect((await api(viewer.token, "/api/v1/alerts/999999")).status).toBe(404);
  });

  it("answers 422 with the bad query fields", async () => {
    const res = await api(viewer.token, "/api/v1/alerts?event=bogus&endpoint=abc&limit=0");
    expect(res.status).toBe(422);
    expect(Object.keys((await res.json()).error.fields).sort()).toEqual(["endpoint", "event", "limit"]);
    expect((await api(viewer.token, "/api/v1/alerts/abc")).status).toBe(422);
  });
});

describe("endpoint alert policy over the API", () => {
  it("reads the defaults, replaces the override, validates and removes it", async () => {
    const res = await send(editor.token, "POST", "/api/v1/endpoints", {
      host: "policy.example",
      enabled: false,
    });
    const id = (await res.json()).id as number;
    const path = `/api/v1/endpoints/${id}/alert-policy`;
    const initial = await (await api(viewer.token, path)).json();
    expect(initial.override).toEqual({});
    expect(initial.effective.expiryDays).toEqual([30, 14, 7]);

    const put = await send(editor.token, "PUT", path, { expiryDays: [21, 3], lifetimePercent: null });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      override: { expiryDays: [21, 3], lifetimePercent: null },
      effective: { expiryDays: [21, 3], lifetimePercent: null, failingAfter: initial.effective.failingAfter },
    });

    const bad = await send(editor.token, "PUT", path, { expiryDays: [0], surprise: true });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["_", "expiryDays.0"]);

    const cleared = await (await send(editor.token, "PUT", path, {})).json();
    expect(cleared.override).toEqual({});
    expect((await api(viewer.token, "/api/v1/endpoints/999999/alert-policy")).status).toBe(404);
    const audit = await (await api(admin.token, "/api/v1/audit?targetType=alert-policy")).json();
    expect(audit.data.map((r: { action: string }) => r.action)).toContain("alert-policy.set");
  });
});

describe("deleting a channel", () => {
  it("removes it and its delivery records; the alerts stay", async () => {
    const list = await (await api(admin.token, "/api/v1/channels")).json();
    const id = list.data.find((c: { name: string }) => c.name === "Ops webhook").id as number;
    expect((await api(admin.token, `/api/v1/channels/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(admin.token, `/api/v1/channels/${id}`)).status).toBe(404);
    expect((await api(admin.token, `/api/v1/channels/${id}`, { method: "DELETE" })).status).toBe(404);
    const alerts = await (await api(viewer.token, "/api/v1/alerts?event=expiry")).json();
    expect(alerts.data.length).toBeGreaterThanOrEqual(2);
    for (const a of alerts.data) expect(a.deliveries).toEqual([]);
  });
});
