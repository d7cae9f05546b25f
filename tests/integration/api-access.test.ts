import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { createSession } from "@/server/auth/sessions";
import { type RunningProduct, seedUser, startProduct } from "../fakes/product";
import { apiClient } from "../support/api-client";
import { apiV1Routes, samplePath } from "../support/api-routes";
import { fetchRetrying } from "../support/fetch-retrying";

let product: RunningProduct;
let admin: ReturnType<typeof seedUser>;
let editor: ReturnType<typeof seedUser>;
let viewer: ReturnType<typeof seedUser>;
const routes = apiV1Routes();

beforeAll(async () => {
  product = await startProduct();
}, 300_000);
afterAll(async () => {
  await product?.stop();
});

const url = (p: string) => `${product.baseUrl}${p}`;
const { api } = apiClient(() => product.baseUrl);

describe("first run", () => {
  it("sends every page to /login, and /login to /setup while no user exists", async () => {
    const home = await fetchRetrying(url("/endpoints/new"), { redirect: "manual" });
    expect(home.status).toBe(303);
    expect(home.headers.get("location")).toMatch(/\/login\?next=%2Fendpoints%2Fnew$/);
    const login = await fetchRetrying(url("/login"), { redirect: "manual" });
    expect([303, 307]).toContain(login.status);
    expect(login.headers.get("location")).toMatch(/\/setup$/);
    expect((await fetchRetrying(url("/setup"))).status).toBe(200);
    expect((await fetchRetrying(url("/api/health"))).status).toBe(200);
  });

  it("then users are created with the CLI", () => {
    admin = seedUser(product.dataDir, "admin@example.com", "admin");
    editor = seedUser(product.dataDir, "editor@example.com", "editor");
    viewer = seedUser(product.dataDir, "viewer@example.com", "viewer");
    expect(admin.token).toMatch(/^cw_/);
  });
});

describe("every /api/v1 route", () => {
  it("is found in app/api/v1", () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it("refuses an anonymous request with 401 and an error body", async () => {
    for (const r of routes) {
      const res = await api(null, samplePath(r.path), { method: r.method });
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses an unknown or revoked token with 401", async () => {
    const res = await api("cw_not-a-real-token", "/api/v1/me");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("refuses a viewer's write with 403 before looking at the body", async () => {
    const writes = routes.filter(
      (r) => r.method !== "GET" && !["/api/v1/tokens", "/api/v1/tokens/{id}"].includes(r.path),
    );
    expect(writes.length).toBeGreaterThanOrEqual(6);
    for (const r of writes) {
      // No body: were validation first this would be 415/422, not 403.
      const res = await api(viewer.token, samplePath(r.path), { method: r.method });
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("lets a viewer read", async () => {
    const res = await api(viewer.token, "/api/v1/endpoints");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [], nextCursor: null });
    expect((await api(viewer.token, "/api/v1/users")).status).toBe(403);
  });
});

describe("endpoints over the API", () => {
  it("creates, validates (422 with fields), filters, paginates, updates, scans and deletes", async () => {
    const bad = await api(editor.token, "/api/v1/endpoints", {
      method: "POST",
      body: JSON.stringify({ host: "exa mple..com", port: 70000 }),
    });
    expect(bad.status).toBe(422);
    const badBody = await bad.json();
    expect(badBody.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(badBody.error.fields).sort()).toEqual(["host", "port"]);

    const wrongType = await api(editor.token, "/api/v1/endpoints", {
      method: "POST",
      body: JSON.stringify({ host: 5, extra: 1 }),
    });
    expect(wrongType.status).toBe(422);
    expect(Object.keys((await wrongType.json()).error.fields).sort()).toEqual(["_", "host"]);

    const ids: number[] = [];
    for (const host of ["a.example", "b.example", "c.example"]) {
      const res = await api(editor.token, "/api/v1/endpoints", {
        method: "POST",
        body: JSON.stringify({ host, tags: host === "b.example" ? ["prod"] : [], enabled: false }),
      });
      expect(res.status).toBe(201);
      ids.push((await res.json()).id);
    }
    const dup = await api(editor.token, "/api/v1/endpoints", {
      method: "POST",
      body: JSON.stringify({ host: "a.example" }),
    });
    expect(dup.status).toBe(409);

    const page1 = await (await api(viewer.token, "/api/v1/endpoints?limit=2")).json();
    expect(page1.data).toHaveLength(2);
    const page2 = await (
      await api(viewer.token, `/api/v1/endpoints?limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2).toMatchObject({ nextCursor: null });
    expect([...page1.data, ...page2.data].map((e: { host: string }) => e.host).sort()).toEqual([
      "a.example",
      "b.example",
      "c.example",
    ]);
    const tagged = await (await api(viewer.token, "/api/v1/endpoints?tag=prod&status=paused")).json();
    expect(tagged.data.map((e: { host: string }) => e.host)).toEqual(["b.example"]);
    expect((await api(viewer.token, "/api/v1/endpoints?limit=5000")).status).toBe(422);

    const patched = await api(editor.token, `/api/v1/endpoints/${ids[0]}`, {
      method: "PATCH",
      body: JSON.stringify({ port: 8443 }),
    });
    expect(await patched.json()).toMatchObject({ host: "a.example", port: 8443 });
    expect((await api(editor.token, `/api/v1/endpoints/${ids[0]}/scan`, { method: "POST" })).status).toBe(
      202,
    );
    expect(await (await api(viewer.token, `/api/v1/endpoints/${ids[0]}/scans`)).json()).toHaveProperty(
      "data",
    );
    expect((await api(editor.token, `/api/v1/endpoints/${ids[0]}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(editor.token, `/api/v1/endpoints/${ids[0]}`)).status).toBe(404);
    expect((await api(editor.token, "/api/v1/endpoints/abc")).status).toBe(422);

    const meta = await api(editor.token, "/api/v1/endpoints", {
      method: "POST",
      body: JSON.stringify({ host: "169.254.169.254" }),
    });
    expect(meta.status).toBe(422);
    expect((await meta.json()).error.fields.host[0]).toMatch(/metadata/);
  });

  it("refuses bodies that are too large or not JSON", async () => {
    const big = await api(editor.token, "/api/v1/endpoints", {
      method: "POST",
      body: JSON.stringify({ host: "x.example", caPem: "A".repeat(300 * 1024) }),
    });
    expect(big.status).toBe(413);
    const form = await api(editor.token, "/api/v1/endpoints", {
      method: "POST",
      body: "host=x",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
  });

  it("records the changes in the audit log, readable by admins only", async () => {
    expect((await api(editor.token, "/api/v1/audit")).status).toBe(403);
    const log = await (await api(admin.token, "/api/v1/audit?targetType=endpoint")).json();
    expect(log.data.map((r: { action: string }) => r.action)).toContain("endpoint.delete");
    expect(log.data[0].actorLabel).toMatch(/^editor@example.com \(token #\d+\)$/);
  });
});

describe("tokens and users over the API", () => {
  it("shows a new token once, lists it without the secret, and revokes it", async () => {
    const created = await api(viewer.token, "/api/v1/tokens", {
      method: "POST",
      body: JSON.stringify({ name: "script" }),
    });
    expect(created.status).toBe(201);
    const { token, record } = await created.json();
    const list = await (await api(token, "/api/v1/tokens")).json();
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await (await api(token, "/api/v1/me")).json()).role).toBe("viewer");
    expect((await api(token, `/api/v1/tokens/${record.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(token, "/api/v1/me")).status).toBe(401);
  });

  it("admins create users and change roles; the password hash never leaves", async () => {
    const res = await api(admin.token, "/api/v1/users", {
      method: "POST",
      body: JSON.stringify({ email: "new@example.com", password: "long enough pw", role: "viewer" }),
    });
    expect(res.status).toBe(201);
    const user = await res.json();
    expect(user).not.toHaveProperty("passwordHash");
    const patched = await api(admin.token, `/api/v1/users/${user.id}`, {
      method: "PATCH",
      body: JSON.stringify({ role: "editor" }),
    });
    expect((await patched.json()).role).toBe("editor");
    expect((await api(admin.token, `/api/v1/users/${user.id}`, { method: "DELETE" })).status).toBe(204);
  });
});

describe("cookie sessions on the API (CSRF)", () => {
  it("accept reads, and writes only from the same origin", async () => {
    const db = openDb(`${product.dataDir}/certwatch.db`);
    const userId = (
      db.$client.prepare("SELECT id FROM users WHERE email = ?").get("editor@example.com") as { id: number }
    ).id;
    const { token } = createSession(db, userId, { idleMs: 3_600_000, maxMs: 86_400_000 });
    const cookie = { Cookie: `cw_session=${token}` };
    expect((await api(null, "/api/v1/me", { headers: cookie })).status).toBe(200);
    const body = JSON.stringify({ host: "csrf.example" });
    const crossSite = await api(null, "/api/v1/endpoints", {
      method: "POST",
      body,
      headers: { ...cookie, Origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await api(null, "/api/v1/endpoints", { method: "POST", body, headers: cookie });
    expect(noOrigin.status).toBe(403);
    const same = await api(null, "/api/v1/endpoints", {
      method: "POST",
      body,
      headers: { ...cookie, Origin: product.baseUrl },
    });
    expect(same.status).toBe(201);
  });
});
