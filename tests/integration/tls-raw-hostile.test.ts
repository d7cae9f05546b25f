import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { enumerateTls } from "@/lib/tls/enumerate";
import { parseClientHello } from "@/lib/tls/raw/client-hello-parse";
import { HRR_RANDOM } from "@/lib/tls/raw/constants";
import { alertRecord, buildServerHello, emptyHandshake } from "@/lib/tls/raw/server-hello-build";

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

/** A raw TCP server whose behaviour per connection is scripted by the test. */
async function rawServer(onConnection: (sock: net.Socket) => void): Promise<number> {
  const server = net.createServer((sock) => {
    sock.on("error", () => {});
    sockets.add(sock);
    sock.on("close", () => sockets.delete(sock));
    onConnection(sock);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as net.AddressInfo).port;
}

/** Collect one ClientHello record (TLS or SSLv2 framing), then answer with `reply(first bytes)`. */
function onHello(reply: (hello: Buffer) => Buffer | null, delayMs = 0) {
  return (sock: net.Socket) => {
    let buf = Buffer.alloc(0);
    sock.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const need = buf[0]! & 0x80 ? 2 + (((buf[0]! & 0x7f) << 8) | buf[1]!) : 5 + buf.readUInt16BE(3);
      if (buf.length < need) return;
      const out = reply(buf.subarray(0, need));
      setTimeout(() => (out ? sock.end(out) : sock.destroy()), delayMs);
    });
  };
}

const scan = (port: number, timeoutMs = 2000) =>
  enumerateTls({ host: "127.0.0.1", port, timeoutMs, totalBudgetMs: 10_000 });

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe("hostile and odd endpoints: typed errors, never a hang", () => {
  it("garbage bytes → NOT_TLS", async () => {
    const port = await rawServer(
      onHello(() => Buffer.from([0x00, 0xff, 0x13, 0x37, 0x42, 0x00, 0x01, 0x02])),
    );
    await expect(scan(port)).rejects.toMatchObject({ code: "NOT_TLS" });
  });

  it("plain HTTP → NOT_TLS with a port hint", async () => {
    const port = await rawServer(
      onHello(() => Buffer.from("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")),
    );
    await expect(scan(port)).rejects.toMatchObject({ code: "NOT_TLS", hint: expect.stringContaining("443") });
  });

  it("SSH banner → NOT_TLS", async () => {
    const port = await rawServer((sock) => sock.write("SSH-2.0-OpenSSH_9.6\r\n"));
    await expect(scan(port)).rejects.toMatchObject({
      code: "NOT_TLS",
      message: expect.stringContaining("SSH"),
    });
  });

  it("SMTP greeting → NOT_TLS suggesting STARTTLS", async () => {
    const port = await rawServer((sock) => sock.write("220 mail.example.test ESMTP ready\r\n"));
    await expect(scan(port)).rejects.toMatchObject({
      code: "NOT_TLS",
      hint: expect.stringContaining("STARTTLS"),
    });
  });

  it("silence → TIMEOUT", async () => {
    const port = await rawServer(() => {});
    await expect(scan(port, 300)).rejects.toMatchObject({ code: "TIMEOUT" });
  });

  it("immediate close → CONNECTION_CLOSED (or RESET)", async () => {
    const port = await rawServer((sock) => sock.destroy());
    await expect(scan(port)).rejects.toMatchObject({
      code: expect.stringMatching(/^CONNECTION_(CLOSED|RESET)$/),
    });
  });

  it("nothing listening → CONNECTION_REFUSED", async () => {
    const port = await rawServer(() => {});
    await new Promise((r) => servers.pop()!.close(r));
    await expect(scan(port)).rejects.toMatchObject({ code: "CONNECTION_REFUSED" });
  });

  it("an oversized handshake message → PROTOCOL_ERROR", async () => {
    const port = await rawServer(onHello(() => Buffer.from([22, 3, 3, 0, 4, 2, 0xff, 0xff, 0xff])));
    await expect(scan(port)).rejects.toMatchObject({ code: "PROTOCOL_ERROR" });
  });

  it("an alert to everything → HANDSHAKE_ALERT naming the alert", async () => {
    const port = await rawServer(onHello(() => alertRecord(40)));
    await expect(scan(port)).rejects.toMatchObject({
      code: "HANDSHAKE_ALERT",
      message: expect.stringContaining("handshake_failure"),
    });
  });
});

describe("legacy protocols through scripted raw servers", () => {
  it("an SSLv3-only server with DEFLATE: SSLv3 and compression detected, exact suites", async () => {
    const mine = [0x000a, 0x0005, 0x002f];
    const port = await rawServer(
      onHello((rec) => {
        if (rec[0]! & 0x80) return alertRecord(70, 0x0300);
        const hello = parseClientHello(rec.subarray(9));
        if (hello.version !== 0x0300 || hello.supportedVersions.length) return alertRecord(70, 0x0300);
        const suite = hello.suites.find((s) => mine.includes(s));
        if (suite === undefined) return alertRecord(40, 0x0300);
        const compression = hello.compression.includes(1) ? 1 : 0;
        return Buffer.concat([
          buildServerHello({ version: 0x0300, suite, compression }),
          emptyHandshake(14, 0x0300),
        ]);
      }),
    );
    const f = await scan(port);
    expect(f.protocols).toEqual({
      SSLv2: false,
      SSLv3: true,
      "TLSv1.0": false,
      "TLSv1.1": false,
      "TLSv1.2": false,
      "TLSv1.3": false,
    });
    expect(f.cipherSuites.map((c) => c.code).sort()).toEqual(["0x000A", "0x002F", "0x0005"].sort());
    expect(f.compression).toBe(true);
    expect(f.secureRenegotiation).toBe(false);
  });

  it("an SSLv2 server: SSLv2 and its cipher kinds detected", async () => {
    const port = await rawServer(
      onHello((rec) => {
        if (!(rec[0]! & 0x80)) return alertRecord(70);
        const specs = Buffer.from([0x07, 0x00, 0xc0, 0x01, 0x00, 0x80]);
        const body = Buffer.concat([
          Buffer.from([4, 0, 1, 0, 2, 0, 0, 0, specs.length, 0, 16]),
          specs,
          Buffer.alloc(16, 7),
        ]);
        return Buffer.concat([Buffer.from([0x80 | (body.length >> 8), body.length & 0xff]), body]);
      }),
    );
    const f = await scan(port);
    expect(f.protocols.SSLv2).toBe(true);
    expect(f.protocols["TLSv1.2"]).toBe(false);
    expect(f.cipherSuites.map((c) => c.name)).toEqual([
      "SSL_CK_DES_192_EDE3_CBC_WITH_MD5",
      "SSL_CK_RC4_128_WITH_MD5",
    ]);
  });

  it("a slow server that accepts every suite: the budget stops the scan with partial facts and a note", async () => {
    const port = await rawServer(
      onHello((rec) => {
        if (rec[0]! & 0x80) return null;
        const hello = parseClientHello(rec.subarray(9));
        if (hello.version !== 0x0303 || hello.supportedVersions.length) return alertRecord(70);
        return buildServerHello({ version: 0x0303, suite: hello.suites[0]! });
      }, 20),
    );
    const f = await enumerateTls({ host: "127.0.0.1", port, timeoutMs: 2000, totalBudgetMs: 800 });
    expect(f.protocols["TLSv1.2"]).toBe(true);
    expect(f.cipherSuites.length).toBeLessThan(331);
    expect(f.notes.join(" ")).toContain("BUDGET_EXCEEDED");
  });

  it("a TLS 1.3-only server with X25519MLKEM768: hybrid and classic groups found via HelloRetryRequest", async () => {
    const port = await rawServer(
      onHello((rec) => {
        if (rec[0]! & 0x80) return alertRecord(70);
        const hello = parseClientHello(rec.subarray(9));
        if (!hello.supportedVersions.includes(0x0304)) return alertRecord(70);
        const group = [0x11ec, 0x001d].find((g) => hello.groups.includes(g));
        if (group === undefined || !hello.suites.includes(0x1301)) return alertRecord(40);
        const extensions = [
          { type: 43, data: Buffer.from([3, 4]) },
          { type: 51, data: Buffer.from([group >> 8, group & 0xff]) },
        ];
        return buildServerHello({ version: 0x0304, suite: 0x1301, random: HRR_RANDOM, extensions });
      }),
    );
    const f = await scan(port);
    expect(f.protocols).toMatchObject({ "TLSv1.2": false, "TLSv1.3": true });
    expect(f.cipherSuites.map((c) => c.name)).toEqual(["TLS_AES_128_GCM_SHA256"]);
    expect(f.keyExchange?.groups).toEqual(["x25519", "X25519MLKEM768"]);
    expect(f.compression).toBe(false);
  });

  it("a cancelled scan stops with ABORTED", async () => {
    const port = await rawServer(() => {});
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    await expect(
      enumerateTls({ host: "127.0.0.1", port, timeoutMs: 5000, signal: ac.signal }),
    ).rejects.toMatchObject({
      code: "ABORTED",
    });
  });
});
