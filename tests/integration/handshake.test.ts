import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { ClientCertRequiredError, handshake } from "@/lib/tls/handshake";
import {
  startBannerServer,
  startClosingServer,
  startGarbageServer,
  startPlainHttpServer,
  startSilentServer,
} from "../fakes/hostile-servers";
import { issue, makeChain, type TestPki } from "../fakes/pki";
import { type StartedServer, startTlsServer } from "../fakes/tls-server";

let pki: TestPki;
const servers: { close(): Promise<void> }[] = [];
async function track<T extends { close(): Promise<void> }>(p: Promise<T>): Promise<T> {
  const s = await p;
  servers.push(s);
  return s;
}
const local = (port: number) => ({ host: "localhost", ip: "127.0.0.1", port, timeoutMs: 5_000 });

async function failure(p: Promise<unknown>): Promise<CertwatchError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CertwatchError);
  return e as CertwatchError;
}

beforeAll(async () => {
  pki = await makeChain("localhost");
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe("handshake against real TLS servers", () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await track(
      startTlsServer({
        cert: [pki.leaf.pem, pki.intermediate.pem],
        key: pki.leaf.keyPem,
        ALPNProtocols: ["http/1.1"],
      }),
    );
  });

  it("returns protocol, cipher, key exchange, ALPN and the presented chain", async () => {
    const r = await handshake(local(server.port));
    expect(r.protocol).toBe("TLSv1.3");
    expect(r.cipher?.standardName).toMatch(/^TLS_/);
    expect(r.ephemeralKey?.type).toBe("ECDH");
    expect(r.alpn).toBe("http/1.1");
    expect(r.chainDer).toHaveLength(2);
    expect(r.chainDer[0]!.equals(pki.leaf.der)).toBe(true);
    expect(r.chainDer[1]!.equals(pki.intermediate.der)).toBe(true);
    expect(r.authorizationError).toBe("UNABLE_TO_GET_ISSUER_CERT_LOCALLY");
    expect(r.target).toEqual({ host: "localhost", port: server.port, ip: "127.0.0.1", sni: "localhost" });
  });

  it("verifies against a private CA for authorizationError without appending the root", async () => {
    const r = await handshake({ ...local(server.port), caPem: pki.root.pem });
    expect(r.authorizationError).toBeNull();
    expect(r.chainDer).toHaveLength(2);
  });

  it("sends no SNI for an IP-literal host unless told to", async () => {
    const seen: (string | false | null)[] = [];
    server.server.on("secureConnection", (s) => seen.push(s.servername));
    const r = await handshake({ host: "127.0.0.1", port: server.port });
    expect(r.target.sni).toBeNull();
    await handshake({ host: "127.0.0.1", port: server.port, sni: "localhost" });
    expect(seen).toEqual([false, "localhost"]);
  });

  it("negotiates TLS 1.2 and TLS 1.0 when asked (legacy offered for measurement)", async () => {
    const legacy = await track(
      startTlsServer({
        cert: [pki.leaf.pem, pki.intermediate.pem],
        key: pki.leaf.keyPem,
        minVersion: "TLSv1",
        maxVersion: "TLSv1",
        ciphers: "DEFAULT:@SECLEVEL=0",
      }),
    );
    expect((await handshake(local(legacy.port))).protocol).toBe("TLSv1.0");
    expect((await handshake({ ...local(server.port), maxVersion: "TLSv1.2" })).protocol).toBe("TLSv1.2");
  });

  it("keeps the chain exactly as sent, wrong order and extras included", async () => {
    const odd = await track(
      startTlsServer({ cert: [pki.leaf.pem, pki.root.pem, pki.intermediate.pem], key: pki.leaf.keyPem }),
    );
    const r = await handshake(local(odd.port));
    expect(r.chainDer.map((d) => new X509Certificate(d).subject)).toEqual([
      "CN=localhost",
      "CN=Certwatch Test Root",
      "CN=Certwatch Test Intermediate",
    ]);
  });

  it("captures a stapled OCSP response", async () => {
    const staple = Buffer.from([0x30, 0x03, 0x0a, 0x01, 0x00]);
    const stapling = await track(
      startTlsServer({ cert: [pki.leaf.pem, pki.intermediate.pem], key: pki.leaf.keyPem }),
    );
    stapling.server.on("OCSPRequest", (_cert, _issuer, cb) => cb(null, staple));
    const r = await handshake({ ...local(stapling.port), requestOcsp: true });
    expect(r.ocspStaple?.equals(staple)).toBe(true);
    expect((await handshake(local(stapling.port))).ocspStaple).toBeNull();
  });

  it.each(["TLSv1.3", "TLSv1.2"] as const)(
    "reports a required client certificate (%s) with the chain",
    async (v) => {
      const mtls = await track(
        startTlsServer({
          cert: [pki.leaf.pem, pki.intermediate.pem],
          key: pki.leaf.keyPem,
          requestCert: true,
          rejectUnauthorized: true,
          ca: [pki.root.pem],
          maxVersion: v,
        }),
      );
      // A generous settle keeps the TLS 1.3 case independent of scheduling; the alert ends it early.
      const e = await failure(handshake({ ...local(mtls.port), settleMs: 5_000 }));
      expect(e.code).toBe("CLIENT_CERT_REQUIRED");
      expect(e).toBeInstanceOf(ClientCertRequiredError);
      expect((e as ClientCertRequiredError).partial.chainDer[0]!.equals(pki.leaf.der)).toBe(true);
      expect((e as ClientCertRequiredError).partial.protocol).toBe(v);
    },
  );
});

describe("handshake failures", () => {
  it("refused port → CONNECTION_REFUSED", async () => {
    const s = await startSilentServer();
    const port = s.port;
    await s.close();
    expect((await failure(handshake(local(port)))).code).toBe("CONNECTION_REFUSED");
  });

  it("garbage → NOT_TLS", async () => {
    const s = await track(startGarbageServer());
    const e = await failure(handshake(local(s.port)));
    expect(e.code).toBe("NOT_TLS");
    expect(e.hint).toBeTruthy();
  });

  it("plain HTTP → NOT_TLS with the HTTP hint", async () => {
    const s = await track(startPlainHttpServer());
    const e = await failure(handshake(local(s.port)));
    expect(e.code).toBe("NOT_TLS");
    expect(e.message).toContain("plain HTTP");
    expect(e.hint).toContain("did you mean 443");
  });

  it("SSH and SMTP banners are named", async () => {
    const ssh = await track(startBannerServer("SSH-2.0-OpenSSH_9.6\r\n"));
    const smtp = await track(startBannerServer("220 mx.test ESMTP ready\r\n"));
    expect((await failure(handshake(local(ssh.port)))).message).toContain("SSH");
    expect((await failure(handshake(local(smtp.port)))).hint).toContain("STARTTLS");
  });

  it("silent server → TIMEOUT within the budget", async () => {
    const s = await track(startSilentServer());
    const e = await failure(handshake({ ...local(s.port), timeoutMs: 300 }));
    expect(e.code).toBe("TIMEOUT");
    expect(e.message).toContain("TLS handshake");
  });

  it("immediate reset → CONNECTION_RESET", async () => {
    const s = await track(startClosingServer());
    expect((await failure(handshake(local(s.port)))).code).toBe("CONNECTION_RESET");
  });

  it("aborts on signal", async () => {
    const s = await track(startSilentServer());
    const ac = new AbortController();
    const p = handshake({ ...local(s.port), signal: ac.signal });
    ac.abort();
    expect((await failure(p)).code).toBe("ABORTED");
  });

  it("refuses metadata addresses before connecting, and resolves names itself", async () => {
    const e = await failure(handshake({ host: "metadata.test", ip: "169.254.169.254", port: 443 }));
    expect(e.code).toBe("ADDRESS_NOT_ALLOWED");
    const s = await track(
      startTlsServer({ cert: [pki.leaf.pem, pki.intermediate.pem], key: pki.leaf.keyPem }),
    );
    const strict = { allowPrivate: false, allowLoopback: false, allowLinkLocal: false };
    expect((await failure(handshake({ ...local(s.port), policy: strict }))).code).toBe("ADDRESS_NOT_ALLOWED");
    const viaDns = await handshake({ host: "localhost", port: s.port }).catch(
      (err: CertwatchError) => err.code,
    );
    // localhost may resolve to ::1 first, where nothing listens (servers bind 127.0.0.1 only).
    expect(typeof viaDns === "string" ? viaDns : viaDns.target.sni).toMatch(
      /^(localhost|CONNECTION_REFUSED)$/,
    );
  });

  it("no cipher in common → HANDSHAKE_ALERT handshake_failure with a hint", async () => {
    const s = await track(
      startTlsServer({
        cert: [pki.leaf.pem, pki.intermediate.pem],
        key: pki.leaf.keyPem,
        maxVersion: "TLSv1.2",
        ciphers: "ECDHE-ECDSA-AES256-GCM-SHA384",
      }),
    );
    const e = await failure(
      handshake({ ...local(s.port), maxVersion: "TLSv1.2", ciphers: "ECDHE-ECDSA-AES128-GCM-SHA256" }),
    );
    expect(e.code).toBe("HANDSHAKE_ALERT");
    expect(e.message).toContain("handshake_failure");
    expect(e.hint).toMatch(/cipher/);
  });

  it("no version in common → HANDSHAKE_ALERT protocol_version", async () => {
    const s = await track(
      startTlsServer({
        cert: [pki.leaf.pem, pki.intermediate.pem],
        key: pki.leaf.keyPem,
        minVersion: "TLSv1.3",
      }),
    );
    const e = await failure(handshake({ ...local(s.port), maxVersion: "TLSv1.2" }));
    expect(e.code).toBe("HANDSHAKE_ALERT");
    expect(e.message).toContain("protocol_version");
  });

  it("a certificate message over OpenSSL's 100 KB limit → PROTOCOL_ERROR explaining the size", async () => {
    const huge = await issue(pki.intermediate, {
      dnsNames: ["localhost", `${"a".repeat(60)}.`.repeat(2_000)],
    });
    const s = await track(startTlsServer({ cert: huge.pem, key: huge.keyPem }));
    const e = await failure(handshake(local(s.port)));
    expect(e.code).toBe("PROTOCOL_ERROR");
    expect(e.hint).toContain("100 KB");
  });

  it("rejects a bad port and a bad CA bundle", async () => {
    expect((await failure(handshake({ host: "localhost", port: 70_000 }))).code).toBe("INVALID_PORT");
    expect((await failure(handshake({ ...local(1), caPem: "not pem" }))).code).toBe("INVALID_CA_PEM");
  });
});
