import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { fetchLimited } from "@/lib/http/fetch-limited";
import { fetchSecurityHeaders } from "@/lib/http/hsts";
import { type StartedHttpServer, startHttpServer } from "../fakes/http-server";
import { makeChain } from "../fakes/pki";
import { startTlsServer } from "../fakes/tls-server";

const closers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
});

async function httpsWith(headers: string[]) {
  const pki = await makeChain("localhost");
  const s = await startTlsServer({
    cert: [pki.leaf.pem, pki.intermediate.pem],
    key: pki.leaf.keyPem,
    onSecureConnection: (socket) => {
      socket.once("data", () =>
        socket.end(`HTTP/1.1 200 OK\r\n${headers.join("\r\n")}\r\nContent-Length: 2\r\n\r\nok`),
      );
    },
  });
  closers.push(s);
  return s;
}

async function rejection(p: Promise<unknown>): Promise<CertwatchError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CertwatchError);
  return e as CertwatchError;
}

describe("fetchSecurityHeaders", () => {
  it("reads HSTS and the other security headers from an untrusted endpoint", async () => {
    const s = await httpsWith([
      "Strict-Transport-Security: max-age=63072000; includeSubDomains; preload",
      "Strict-Transport-Security: max-age=1",
      "Content-Security-Policy: default-src 'self'",
      "X-Frame-Options: DENY",
      "X-Content-Type-Options: nosniff",
      "Referrer-Policy: no-referrer",
    ]);
    const h = await fetchSecurityHeaders({
      host: "localhost",
      ip: "127.0.0.1",
      port: s.port,
      timeoutMs: 5000,
    });
    expect(h).toMatchObject({
      status: 200,
      hsts: { maxAge: 63072000, includeSubDomains: true, preload: true },
      hstsInvalidReason: null,
      contentSecurityPolicy: "default-src 'self'",
      xFrameOptions: "DENY",
      xContentTypeOptions: "nosniff",
      referrerPolicy: "no-referrer",
      permissionsPolicy: null,
    });
  });

  it("reports an invalid HSTS header with its reason, and absence as null", async () => {
    const bad = await httpsWith(["Strict-Transport-Security: includeSubDomains"]);
    const h = await fetchSecurityHeaders({ host: "localhost", ip: "127.0.0.1", port: bad.port });
    expect(h).toMatchObject({ hsts: null, hstsInvalidReason: "max-age is missing" });
    const none = await httpsWith(["X-Other: 1"]);
    expect(await fetchSecurityHeaders({ host: "localhost", ip: "127.0.0.1", port: none.port })).toMatchObject(
      {
        hsts: null,
        hstsHeader: null,
        hstsInvalidReason: null,
      },
    );
  });
});

describe("fetchLimited", () => {
  let server: StartedHttpServer;
  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      if (req.url === "/big") return res.end(Buffer.alloc(4096));
      if (req.url === "/slow") return;
      if (req.url === "/hop") return res.writeHead(302, { location: "/ok" }).end();
      if (req.url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
      if (req.url === "/post" && req.method === "POST") {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        return req.on("end", () => res.end(Buffer.concat(chunks).reverse()));
      }
      res.end(`ok ${req.headers.host}`);
    });
    closers.push(server);
  });

  it("gets a body with the Host header of the URL", async () => {
    const r = await fetchLimited({ url: `${server.origin}/ok` });
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe(`ok 127.0.0.1:${server.port}`);
  });

  it("posts a body", async () => {
    const r = await fetchLimited({
      url: `${server.origin}/post`,
      method: "POST",
      body: Buffer.from([1, 2, 3]),
    });
    expect([...r.body]).toEqual([3, 2, 1]);
  });

  it("caps the size and the time", async () => {
    expect((await rejection(fetchLimited({ url: `${server.origin}/big`, maxBytes: 1000 }))).code).toBe(
      "RESPONSE_TOO_LARGE",
    );
    expect((await rejection(fetchLimited({ url: `${server.origin}/slow`, timeoutMs: 200 }))).code).toBe(
      "HTTP_TIMEOUT",
    );
  });

  it("does not follow redirects unless allowed, and then only a bounded number", async () => {
    expect((await fetchLimited({ url: `${server.origin}/hop` })).status).toBe(302);
    expect((await fetchLimited({ url: `${server.origin}/hop`, maxRedirects: 1 })).body.toString()).toContain(
      "ok",
    );
    expect((await fetchLimited({ url: `${server.origin}/loop`, maxRedirects: 3 })).status).toBe(302);
  });

  it("refuses metadata addresses, other schemes and refused ports", async () => {
    expect((await rejection(fetchLimited({ url: "http://169.254.169.254/latest/meta-data/" }))).code).toBe(
      "ADDRESS_NOT_ALLOWED",
    );
    expect((await rejection(fetchLimited({ url: "file:///etc/passwd" }))).code).toBe("INVALID_URL");
    expect((await rejection(fetchLimited({ url: "ldap://x.test/" }))).code).toBe("INVALID_URL");
    const gone = await startHttpServer({});
    await gone.close();
    expect((await rejection(fetchLimited({ url: `${gone.origin}/` }))).code).toBe("CONNECTION_REFUSED");
  });
});
