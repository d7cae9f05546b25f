import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningProduct, seedUser, startProduct } from "../fakes/product";
import { apiV1Routes } from "../support/api-routes";
import { fetchRetrying } from "../support/fetch-retrying";

let product: RunningProduct;
let token: string;

beforeAll(async () => {
  product = await startProduct();
  token = seedUser(product.dataDir, "admin@example.com", "admin").token;
}, 300_000);
afterAll(async () => {
  await product?.stop();
});

const get = (p: string, init: RequestInit = {}) =>
  fetchRetrying(`${product.baseUrl}${p}`, { redirect: "manual", ...init });

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; responses: Record<string, unknown>; parameters: { name: string; in: string }[] }
    >
  >;
};

function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsOf(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  it("is served as valid OpenAPI 3.1 and documents every route under app/api/v1", async () => {
    expect((await get("/api/v1/openapi.json")).status).toBe(401);
    const res = await get("/api/v1/openapi.json", { headers: { Authorization: `Bearer ${token}` } });
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const doc = (await res.json()) as Doc & Record<string, unknown>;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc).toHaveProperty("info.title");
    const ids = new Set<string>();
    for (const [p, methods] of Object.entries(doc.paths)) {
      expect(p.startsWith("/api/v1/")).toBe(true);
      const templated = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(methods)) {
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        const pathParams = op.parameters.filter((x) => x.in === "path").map((x) => x.name);
        expect(pathParams.sort()).toEqual([...templated].sort());
      }
    }
    for (const ref of refsOf(doc)) {
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc);
      expect(target, ref).toBeTruthy();
    }
    for (const r of apiV1Routes()) {
      expect(
        doc.paths[r.path]?.[r.method.toLowerCase()],
        `${r.method} ${r.path} is not documented`,
      ).toBeTruthy();
    }
  });

  it("has a readable page listing the same operations, behind sign-in", async () => {
    const anon = await get("/api/docs");
    expect(anon.status).toBe(303);
  });
});

describe("security headers", () => {
  it("are on pages, redirects, API responses and assets", async () => {
    for (const p of ["/setup", "/login", "/", "/api/health", "/api/v1/me"]) {
      const res = await get(p);
      expect(res.headers.get("x-content-type-options"), p).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), p).toBe("DENY");
      expect(res.headers.get("referrer-policy"), p).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("content-security-policy"), p).toMatch(/frame-ancestors 'none'/);
      // Served over plain HTTP here: HSTS would be ignored by browsers and is not sent.
      expect(res.headers.get("strict-transport-security"), p).toBeNull();
    }
  });

  it("the CSP nonce is on the page's scripts, fresh per response, with no unsafe-inline scripts", async () => {
    const res = await get("/login");
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    const again = (await get("/login")).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });
});
