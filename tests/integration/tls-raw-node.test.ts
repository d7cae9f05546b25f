import type net from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enumerateTls, type RawFindings } from "@/lib/tls/enumerate";
import { LEGACY_SUITES } from "@/lib/tls/suites";
import { makeChain } from "../fakes/pki";

type Pem = { key: string; cert: string };
let rsa: Pem;
let ecdsa: Pem;
const servers: tls.Server[] = [];

async function serve(opts: tls.TlsOptions): Promise<number> {
  const server = tls.createServer(opts, (s) => s.end());
  server.on("tlsClientError", () => {});
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as net.AddressInfo).port;
}

const enumerate = (port: number) => enumerateTls({ host: "127.0.0.1", port, timeoutMs: 4000 });
const names = (f: RawFindings, protocol: string) =>
  f.cipherSuites.filter((c) => c.protocol === protocol).map((c) => c.name);

function handshakes(port: number, version: tls.SecureVersion, cipher: string): Promise<boolean> {
  return new Promise((resolve) => {
    let sock: tls.TLSSocket;
    try {
      const opts = {
        host: "127.0.0.1",
        port,
        minVersion: version,
        maxVersion: version,
        rejectUnauthorized: false,
      };
      sock = tls.connect({ ...opts, ciphers: `${cipher}:@SECLEVEL=0` });
    } catch {
      return resolve(false); // a suite Node's OpenSSL build does not have
    }
    sock.once("secureConnect", () => {
      sock.destroy();
      resolve(true);
    });
    sock.once("error", () => resolve(false));
  });
}

/** Independent oracle: which TLS ≤ 1.2 suites Node's own OpenSSL client completes a handshake with. */
async function opensslAccepts(port: number, version: "TLSv1.2" | "TLSv1" | "TLSv1.1"): Promise<string[]> {
  const known = LEGACY_SUITES.filter(
    (s) => s.openssl && !s.openssl.includes("PSK") && !s.openssl.startsWith("SRP"),
  );
  const ok = await Promise.all(
    known.map((s) => handshakes(port, version, s.openssl!).then((y) => (y ? s.name : null))),
  );
  return ok.filter((n): n is string => n !== null).sort();
}

beforeAll(async () => {
  const r = await makeChain("localhost", { key: { type: "RSA", bits: 2048 } });
  rsa = { key: r.leaf.keyPem, cert: `${r.leaf.pem}\n${r.intermediate.pem}` };
  const e = await makeChain("localhost", { key: { type: "EC", curve: "P-256" } });
  ecdsa = { key: e.leaf.keyPem, cert: `${e.leaf.pem}\n${e.intermediate.pem}` };
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe("enumerateTls against node:tls servers", () => {
  it("TLS 1.2+1.3 ECDHE-RSA GCM: exactly the configured 1.2 suites plus the 1.3 defaults", async () => {
    const port = await serve({
      ...rsa,
      ciphers: "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384",
      ALPNProtocols: ["h2", "http/1.1"],
    });
    const f = await enumerate(port);
    expect(f.protocols).toEqual({
      SSLv2: false,
      SSLv3: false,
      "TLSv1.0": false,
      "TLSv1.1": false,
      "TLSv1.2": true,
      "TLSv1.3": true,
    });
    expect(names(f, "TLSv1.2").sort()).toEqual([
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    ]);
    expect(names(f, "TLSv1.3").sort()).toEqual([
      "TLS_AES_128_GCM_SHA256",
      "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256",
    ]);
    expect(f.cipherSuites.find((c) => c.code === "0xC02F")).toMatchObject({
      keyExchange: "ECDHE",
      bits: 128,
      aead: true,
    });
    expect(f).toMatchObject({
      forwardSecrecy: "all",
      aead: "all",
      secureRenegotiation: true,
      compression: false,
    });
    expect(f).toMatchObject({ clientCertRequested: false, alpn: ["h2", "http/1.1"] });
    expect(f.keyExchange?.groups).toEqual(expect.arrayContaining(["x25519", "secp256r1", "secp384r1"]));
    expect(f.keyExchange?.dhBits).toBeNull();
    expect(f.chainDer).toHaveLength(2);
    expect(f.connections).toBeLessThan(100);
    expect(await opensslAccepts(port, "TLSv1.2")).toEqual(names(f, "TLSv1.2").sort());
  });

  it("default Node server: the 1.2 list matches what OpenSSL's own client can negotiate", async () => {
    const port = await serve({ ...rsa });
    const f = await enumerate(port);
    expect(names(f, "TLSv1.2").length).toBeGreaterThan(5);
    expect(names(f, "TLSv1.2").sort()).toEqual(await opensslAccepts(port, "TLSv1.2"));
  });

  it("server order on: the order is recovered; off: the client's order wins", async () => {
    const ciphers =
      "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA";
    const on = await enumerate(await serve({ ...ecdsa, ciphers, honorCipherOrder: true }));
    expect(on.serverCipherOrder).toBe(true);
    expect(on.serverOrder["TLSv1.2"]).toEqual([
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
    ]);
    expect(names(on, "TLSv1.2")).toEqual(on.serverOrder["TLSv1.2"]);
    const off = await enumerate(await serve({ ...ecdsa, ciphers, honorCipherOrder: false }));
    expect(off.serverCipherOrder).toBe(false);
    expect(off.serverOrder["TLSv1.2"]).toBeNull();
    expect(off.forwardSecrecy).toBe("all");
    expect(off.aead).toBe("some");
  });

  it("TLS 1.2-only, CBC-only: no TLS 1.3 and no AEAD", async () => {
    const f = await enumerate(
      await serve({ ...rsa, maxVersion: "TLSv1.2", ciphers: "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA384" }),
    );
    expect(f.protocols["TLSv1.3"]).toBe(false);
    expect(names(f, "TLSv1.2").sort()).toEqual([
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
    ]);
    expect(f.aead).toBe("none");
    expect(f.keyExchange?.groups).toEqual(expect.arrayContaining(["x25519", "secp256r1"]));
  });

  it("static RSA key exchange only: no forward secrecy", async () => {
    const f = await enumerate(
      await serve({ ...rsa, maxVersion: "TLSv1.2", ciphers: "AES128-GCM-SHA256:AES256-SHA" }),
    );
    expect(names(f, "TLSv1.2").sort()).toEqual([
      "TLS_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_RSA_WITH_AES_256_CBC_SHA",
    ]);
    expect(f.forwardSecrecy).toBe("none");
    expect(f.aead).toBe("some");
  });

  it("DHE with 2048-bit parameters: dhBits 2048", async () => {
    const f = await enumerate(
      await serve({
        ...rsa,
        maxVersion: "TLSv1.2",
        ciphers: "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-SHA",
        dhparam: "auto",
      }),
    );
    expect(names(f, "TLSv1.2").sort()).toEqual([
      "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
    ]);
    expect(f.keyExchange?.dhBits).toBe(2048);
    expect(f.cipherSuites[0]?.keyExchange).toBe("DHE");
  });

  it("TLS 1.0/1.1 only", async () => {
    const port = await serve({
      ...rsa,
      ciphers: "DEFAULT:@SECLEVEL=0",
      minVersion: "TLSv1",
      maxVersion: "TLSv1.1",
    });
    const f = await enumerate(port);
    expect(f.protocols).toMatchObject({
      "TLSv1.0": true,
      "TLSv1.1": true,
      "TLSv1.2": false,
      "TLSv1.3": false,
    });
    expect(names(f, "TLSv1.0")).toContain("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
    expect(names(f, "TLSv1.0").sort()).toEqual(await opensslAccepts(port, "TLSv1"));
    expect(names(f, "TLSv1.1").sort()).toEqual(await opensslAccepts(port, "TLSv1.1"));
  });

  it("sends SNI for names, none for IP literals", async () => {
    const seen: string[] = [];
    const SNICallback = (name: string, cb: (e: Error | null, ctx?: tls.SecureContext) => void) => {
      seen.push(name);
      cb(null, tls.createSecureContext(rsa));
    };
    const port = await serve({ ...rsa, SNICallback });
    const named = await enumerateTls({ host: "localhost", ip: "127.0.0.1", port, timeoutMs: 4000 });
    expect(named.target.sni).toBe("localhost");
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(["localhost"]));
    seen.length = 0;
    const literal = await enumerate(port);
    expect(literal.target.sni).toBeNull();
    expect(seen).toEqual([]);
  });

  it("client certificate required", async () => {
    const f = await enumerate(await serve({ ...rsa, requestCert: true, rejectUnauthorized: true }));
    expect(f.clientCertRequested).toBe(true);
  });

  it("TLS 1.3 only: renegotiation and client-cert questions stay open, ALPN still found", async () => {
    const f = await enumerate(await serve({ ...rsa, minVersion: "TLSv1.3", ALPNProtocols: ["http/1.1"] }));
    expect(f.protocols).toMatchObject({ "TLSv1.2": false, "TLSv1.3": true });
    expect(f).toMatchObject({ secureRenegotiation: null, clientCertRequested: null, compression: false });
    expect(f.alpn).toEqual(["http/1.1"]);
    expect(f.keyExchange?.groups).toContain("x25519");
  });
});
