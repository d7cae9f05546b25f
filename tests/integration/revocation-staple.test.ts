// OCSP stapling over real TLS: node:tls servers staple responses from the fake responder's signer and a
// client with requestOCSP captures them, then checkRevocation judges staple, must-staple and issuer.
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRevocation, createRevocationCaches } from "@/lib/revocation/check-revocation";
import { checkStaple } from "@/lib/revocation/staple";
import { type FakeCrlServer, startCrlServer } from "@/tests/fakes/crl-server";
import { type FakeOcspResponder, ocspResponseFor, startOcspResponder } from "@/tests/fakes/ocsp-responder";
import { type Issued, issue } from "@/tests/fakes/pki";

let root: Issued;
let ca: Issued;
const servers: tls.Server[] = [];

interface Handshake {
  leafDer: Buffer;
  issuerDer: Buffer | null;
  staple: Buffer | null;
}

async function stapleServer(leaf: Issued, staple: Buffer | null): Promise<number> {
  const server = tls.createServer({ cert: `${leaf.pem}\n${ca.pem}`, key: leaf.keyPem });
  server.on("OCSPRequest", (_cert: Buffer, _issuer: Buffer, cb: (err: Error | null, resp?: Buffer) => void) =>
    cb(null, staple ?? undefined),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function handshake(port: number): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    let staple: Buffer | null = null;
    // requestOCSP is a TLSSocket option that tls.connect passes through; @types/node omits it.
    const options = { host: "127.0.0.1", port, servername: "localhost", ca: root.pem, requestOCSP: true };
    const socket = tls.connect(options);
    socket.setTimeout(5_000, () => socket.destroy(new Error("handshake timed out")));
    socket.on("OCSPResponse", (res: Buffer) => {
      staple = res;
    });
    socket.on("secureConnect", () => {
      const peer = socket.getPeerCertificate(true);
      const issuer =
        peer.issuerCertificate && peer.issuerCertificate !== peer ? peer.issuerCertificate.raw : null;
      socket.end();
      resolve({ leafDer: peer.raw, issuerDer: issuer, staple });
    });
    socket.on("error", reject);
  });
}

const judge = (h: Handshake) =>
  checkRevocation({
    leafDer: h.leafDer,
    issuerDer: h.issuerDer,
    stapleDer: h.staple,
    caches: createRevocationCaches(),
  });

beforeAll(async () => {
  root = await issue(null, { subject: "CN=Staple Test Root", ca: true });
  ca = await issue(root, { subject: "CN=Staple Test CA", ca: true, pathLength: 0 });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("stapled OCSP over TLS", () => {
  it("a server stapling good: good from the staple, no network", async () => {
    const leaf = await issue(ca, { dnsNames: ["localhost"] });
    const h = await handshake(
      await stapleServer(leaf, await ocspResponseFor(leaf, { status: "good" }, { ca })),
    );
    expect(h.staple).not.toBeNull();
    const facts = await judge(h);
    expect(facts).toMatchObject({
      status: "good",
      method: "staple",
      stapled: true,
      stapledStatus: "good",
      ocsp: null,
      crl: null,
    });
  });

  it("a server stapling revoked: revoked from the staple", async () => {
    const leaf = await issue(ca, { dnsNames: ["localhost"] });
    const revokedAt = new Date("2026-01-02T03:04:05Z");
    const staple = await ocspResponseFor(leaf, { status: "revoked", revokedAt, reason: 1 }, { ca });
    const facts = await judge(await handshake(await stapleServer(leaf, staple)));
    expect(facts).toMatchObject({
      status: "revoked",
      method: "staple",
      stapledStatus: "revoked",
      revokedAt: revokedAt.toISOString(),
    });
    expect(facts.reason).toContain("keyCompromise");
  });

  it("a staple for another certificate is rejected and reported", async () => {
    const leaf = await issue(ca, { dnsNames: ["localhost"] });
    const other = await issue(ca, { dnsNames: ["other.test"] });
    const facts = await judge(
      await handshake(await stapleServer(leaf, await ocspResponseFor(other, { status: "good" }, { ca }))),
    );
    expect(facts).toMatchObject({ status: "unknown", stapled: true, stapledStatus: "unknown" });
    expect(facts.reason).toBe("Stapled OCSP response does not cover this certificate (no matching CertID)");
  });

  it("an expired staple is rejected without network", () => {
    return ocspResponseFor(
      ca,
      { status: "good" },
      { ca: root, thisUpdate: new Date(Date.now() - 9e8), nextUpdate: new Date(Date.now() - 8e8) },
    ).then((staple) => {
      const r = checkStaple({ stapleDer: staple, leaf: ca.der, issuer: root.der });
      expect(r.status).toBe("unknown");
      expect(r.error).toMatch(/^Stapled OCSP response expired: nextUpdate/);
    });
  });
});

describe("must-staple and missing issuer", () => {
  let responder: FakeOcspResponder;
  let crl: FakeCrlServer;
  beforeAll(async () => {
    responder = await startOcspResponder({ ca });
    crl = await startCrlServer({ ca });
  });
  afterAll(async () => {
    await responder?.close();
    await crl?.close();
  });

  it("flags a must-staple certificate served without a staple (and still checks OCSP)", async () => {
    const leaf = await issue(ca, { dnsNames: ["localhost"], mustStaple: true, ocspUrls: [responder.url] });
    responder.setStatus(leaf, { status: "good" });
    const h = await handshake(await stapleServer(leaf, null));
    expect(h.staple).toBeNull();
    const facts = await judge(h);
    expect(facts).toMatchObject({
      status: "good",
      method: "ocsp",
      mustStaple: true,
      stapled: false,
      stapledStatus: null,
    });
    expect(facts.reason).toContain("must-staple");
  });

  it("a good staple does not hide a revocation the CRL lists", async () => {
    const leaf = await issue(ca, { dnsNames: ["localhost"], crlUrls: [crl.url] });
    crl.entries = [{ serial: leaf.cert.serialNumber, reason: 1 }];
    const h = await handshake(
      await stapleServer(leaf, await ocspResponseFor(leaf, { status: "good" }, { ca })),
    );
    const facts = await judge(h);
    expect(facts).toMatchObject({ status: "revoked", method: "crl", stapledStatus: "good" });
  });

  it("without the issuer the status is unknown", async () => {
    const leaf = await issue(ca, { dnsNames: ["localhost"], ocspUrls: [responder.url] });
    const staple = await ocspResponseFor(leaf, { status: "good" }, { ca });
    const facts = await checkRevocation({ leafDer: leaf.der, issuerDer: null, stapleDer: staple });
    expect(facts).toMatchObject({
      status: "unknown",
      method: null,
      reason: "issuer certificate not available",
      stapled: true,
      stapledStatus: "unknown",
    });
  });
});
