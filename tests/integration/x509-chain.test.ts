import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handshake } from "@/lib/tls/handshake";
import { certificateFacts } from "@/lib/x509/certificate-facts";
import { chainFacts } from "@/lib/x509/chain-facts";
import { issuerFetcher } from "@/lib/x509/fetch-issuer";
import { startDeepChainServer, startManySansServer } from "../fakes/hostile-servers";
import { startHttpServer } from "../fakes/http-server";
import { type Issued, issue, makeChain, type TestPki } from "../fakes/pki";
import { startTlsServer, type TlsServerOptions } from "../fakes/tls-server";

const closers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
});

async function serve(chain: Issued[], extra: Partial<TlsServerOptions> = {}) {
  const s = await startTlsServer({ cert: chain.map((c) => c.pem), key: chain[0]!.keyPem, ...extra });
  closers.push(s);
  return s;
}

/** Handshake with a real server, then judge the presented chain. */
async function scan(port: number, opts: { caPem?: string | null; host?: string; fetch?: boolean } = {}) {
  const host = opts.host ?? "localhost";
  const hs = await handshake({ host, ip: "127.0.0.1", port, timeoutMs: 5000 });
  const chain = await chainFacts({
    chainDer: hs.chainDer,
    host,
    caPem: opts.caPem,
    fetchIssuer: opts.fetch ? issuerFetcher({ timeoutMs: 2000 }) : null,
  });
  return { hs, chain, leaf: certificateFacts(hs.chainDer[0]!) };
}

let pki: TestPki;
beforeAll(async () => {
  pki = await makeChain("localhost");
});

describe("chain facts from real handshakes", () => {
  it("valid ECDSA and RSA chains to a private CA are trusted", async () => {
    const ec = await serve([pki.leaf, pki.intermediate]);
    const r = await scan(ec.port, { caPem: pki.root.pem });
    expect(r.chain).toMatchObject({ trusted: true, complete: true, hostnameMatch: true, trustError: null });
    expect(r.leaf.keyType).toBe("EC");
    const rsaRoot = await issue(null, { subject: "CN=RSA Root", ca: true, key: { type: "RSA" } });
    const rsaLeaf = await issue(rsaRoot, { dnsNames: ["localhost"], key: { type: "RSA", bits: 2048 } });
    const rsa = await serve([rsaLeaf]);
    const s = await scan(rsa.port, { caPem: rsaRoot.pem });
    expect(s.chain.trusted).toBe(true);
    expect(s.leaf).toMatchObject({
      keyType: "RSA",
      keyBits: 2048,
      signatureAlgorithm: "sha256WithRSAEncryption",
    });
    expect(s.hs.cipher?.standardName).toMatch(/^TLS_/);
  });

  it("without the private CA the same chain is untrusted (UNKNOWN_ISSUER)", async () => {
    const s = await serve([pki.leaf, pki.intermediate]);
    expect((await scan(s.port)).chain).toMatchObject({ trusted: false, trustError: "UNKNOWN_ISSUER" });
  });

  it("expired and not-yet-valid leaves", async () => {
    const expired = await issue(pki.intermediate, {
      dnsNames: ["localhost"],
      notBeforeDays: -30,
      notAfterDays: -1,
    });
    const future = await issue(pki.intermediate, {
      dnsNames: ["localhost"],
      notBeforeDays: 3,
      notAfterDays: 90,
    });
    const e = await scan((await serve([expired, pki.intermediate])).port, { caPem: pki.root.pem });
    expect(e.chain).toMatchObject({ trusted: false, trustError: "EXPIRED" });
    expect(e.leaf.daysRemaining).toBeLessThan(0);
    expect(e.hs.authorizationError).toBe("CERT_HAS_EXPIRED");
    const f = await scan((await serve([future, pki.intermediate])).port, { caPem: pki.root.pem });
    expect(f.chain.trustError).toBe("NOT_YET_VALID");
  });

  it("self-signed, untrusted root and wrong host", async () => {
    const self = await issue(null, { dnsNames: ["localhost"] });
    expect((await scan((await serve([self])).port)).chain).toMatchObject({
      trustError: "SELF_SIGNED",
      hostnameMatch: true,
    });
    const full = await serve([pki.leaf, pki.intermediate, pki.root]);
    expect((await scan(full.port)).chain.trustError).toBe("UNTRUSTED_ROOT");
    const wrong = await scan(full.port, { caPem: pki.root.pem, host: "wrong.example.test" });
    expect(wrong.chain).toMatchObject({ trusted: true, hostnameMatch: false });
  });

  it("an incomplete chain is completed via AIA from a local HTTP server", async () => {
    const routes: Record<string, { body: Buffer }> = {};
    const aia = await startHttpServer(routes);
    closers.push(aia);
    routes["/int.der"] = { body: pki.intermediate.der };
    const leaf = await issue(pki.intermediate, {
      dnsNames: ["localhost"],
      caIssuersUrls: [`${aia.origin}/int.der`],
    });
    const s = await serve([leaf]);
    const without = await scan(s.port, { caPem: pki.root.pem });
    expect(without.chain).toMatchObject({ trusted: false, complete: false, trustError: "INCOMPLETE_CHAIN" });
    const withAia = await scan(s.port, { caPem: pki.root.pem, fetch: true });
    expect(withAia.chain).toMatchObject({ trusted: true, complete: false, trustError: null });
    expect(withAia.chain.aiaFetched).toEqual([`${aia.origin}/int.der`]);
    expect(aia.requests).toContain("/int.der");
  });

  it("SHA-1 signatures and RSA-1024 keys are trusted facts, flagged for grading", async () => {
    const weakRoot = await issue(null, {
      subject: "CN=Weak Root",
      ca: true,
      key: { type: "RSA", bits: 2048 },
      hash: "SHA-1",
    });
    const weakLeaf = await issue(weakRoot, {
      dnsNames: ["localhost"],
      key: { type: "RSA", bits: 1024 },
      hash: "SHA-1",
    });
    const s = await serve([weakLeaf], { ciphers: "DEFAULT:@SECLEVEL=0" });
    const r = await scan(s.port, { caPem: weakRoot.pem });
    expect(r.leaf).toMatchObject({ keyBits: 1024, signatureAlgorithm: "sha1WithRSAEncryption" });
    expect(r.chain.trusted).toBe(true);
    expect(r.chain.weakSignatures).toEqual([{ subject: "CN=localhost", algorithm: "sha1WithRSAEncryption" }]);
  });

  it("an MD5-signed leaf (made with the openssl CLI) is named and flagged", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "certwatch-md5-"));
    try {
      const run = (args: string[]) =>
        execFileSync("openssl", args, { cwd: dir, stdio: "pipe", timeout: 20_000 });
      run([
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=MD5 Test Root",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "30",
      ]);
      run([
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "leaf.key",
        "-out",
        "leaf.csr",
      ]);
      writeFileSync(path.join(dir, "ext.cnf"), "subjectAltName=DNS:localhost\n");
      run([
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-md5",
        "-days",
        "30",
        "-extfile",
        "ext.cnf",
        "-out",
        "leaf.pem",
      ]);
      const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
      const s = await startTlsServer({
        cert: read("leaf.pem"),
        key: read("leaf.key"),
        ciphers: "DEFAULT:@SECLEVEL=0",
      });
      closers.push(s);
      const r = await scan(s.port, { caPem: read("ca.pem") });
      expect(r.leaf.signatureAlgorithm).toBe("md5WithRSAEncryption");
      expect(r.chain.trusted).toBe(true);
      expect(r.chain.weakSignatures).toEqual([
        { subject: "CN=localhost", algorithm: "md5WithRSAEncryption" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a certificate with 10,000 SANs is read in full", async () => {
    const s = await startManySansServer(10_000);
    closers.push(s);
    const r = await scan(s.port, { caPem: s.root.pem });
    expect(r.leaf.sans).toHaveLength(10_001);
    expect(r.chain).toMatchObject({ trusted: true, hostnameMatch: true });
  });

  it("a 50-certificate chain is capped, not followed", async () => {
    const s = await startDeepChainServer(50);
    closers.push(s);
    const r = await scan(s.port, { caPem: s.chain.at(-1)!.pem });
    expect(r.hs.chainDer).toHaveLength(20);
    expect(r.hs.chainTruncated).toBe(true);
    expect(r.chain.trusted).toBe(false);
    expect(r.chain.certificates.length).toBeLessThanOrEqual(20);
  });
});
