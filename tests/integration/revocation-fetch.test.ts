// The capped HTTP client revocation uses, against a local server: redirects, caps, deadlines, schemes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cappedFetch } from "@/lib/revocation/http-fetch";

let server: http.Server;
let base: string;
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const hops = Number(url.searchParams.get("hops") ?? 0);
    if (url.pathname === "/redirect") {
      const next = hops > 0 ? `/redirect?hops=${hops - 1}` : "/ok";
      return void res.writeHead(302, { location: next }).end();
    }
    if (url.pathname === "/big") return void res.writeHead(200).end(Buffer.alloc(50_000));
    if (url.pathname === "/stream") {
      res.writeHead(200); // no content-length: the cap must apply while reading
      for (let i = 0; i < 20; i++) res.write(Buffer.alloc(10_000));
      return void res.end();
    }
    if (url.pathname === "/slow") {
      const t = setTimeout(() => res.end("late"), 5_000);
      timers.add(t);
      return;
    }
    res.writeHead(200, { "content-type": "text/plain" }).end(`${req.method} ok`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, extra = {}) =>
  cappedFetch({ url: `${base}${path}`, method: "GET", timeoutMs: 2_000, maxBytes: 100_000, ...extra });

describe("cappedFetch", () => {
  it("follows up to 3 redirects and no more (the 4th answer is returned, not followed)", async () => {
    expect(await get("/redirect?hops=2")).toMatchObject({ status: 200, url: `${base}/ok` });
    expect((await get("/redirect?hops=3")).status).toBeGreaterThanOrEqual(300);
  });

  it("caps the body by content-length and while streaming", async () => {
    await expect(get("/big", { maxBytes: 10_000 })).rejects.toMatchObject({
      code: "RESPONSE_TOO_LARGE",
    });
    await expect(get("/stream", { maxBytes: 50_000 })).rejects.toMatchObject({
      code: "RESPONSE_TOO_LARGE",
    });
    expect((await get("/stream", { maxBytes: 200_000 })).body.length).toBe(200_000);
  });

  it("enforces the deadline", async () => {
    await expect(get("/slow", { timeoutMs: 200 })).rejects.toMatchObject({
      code: "HTTP_TIMEOUT",
    });
  });

  it("fetches only http: and https:", async () => {
    await expect(get("", { url: "ldap://ldap.example/cn=CA" })).rejects.toMatchObject({
      code: "INVALID_URL",
    });
    await expect(get("", { url: "file:///etc/passwd" })).rejects.toMatchObject({
      code: "INVALID_URL",
    });
  });

  it("sends POST bodies", async () => {
    const res = await cappedFetch({
      url: `${base}/ok`,
      method: "POST",
      body: Buffer.from("x"),
      timeoutMs: 2_000,
      maxBytes: 1_000,
    });
    expect(res.body.toString()).toBe("POST ok");
  });
});
