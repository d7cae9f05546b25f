// CRLs from a real HTTP server on 127.0.0.1: lookup, signature and freshness checks, caps and caching.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certParts } from "@/lib/revocation/cert-parts";
import { checkRevocation, createRevocationCaches } from "@/lib/revocation/check-revocation";
import { checkCrl } from "@/lib/revocation/crl-check";
import { type FakeCrlServer, startCrlServer } from "@/tests/fakes/crl-server";
import { type FakeOcspResponder, startOcspResponder } from "@/tests/fakes/ocsp-responder";
import { type Issued, issue } from "@/tests/fakes/pki";

const DAY = 86_400_000;
let ca: Issued;
let server: FakeCrlServer;
let good: Issued;
let revoked: Issued;
const revokedAt = new Date(Date.now() - 2 * DAY);
revokedAt.setUTCMilliseconds(0);

const crlOnly = (leaf: Issued, extra: Partial<Parameters<typeof checkCrl>[0]> = {}) =>
  checkCrl({
    url: server.url,
    leaf: certParts(leaf.der),
    issuer: certParts(ca.der),
    cache: null,
    timeoutMs: 5_000,
    ...extra,
  });

beforeAll(async () => {
  const root = await issue(null, { subject: "CN=CRL Test Root", ca: true });
  ca = await issue(root, { subject: "CN=CRL Test CA", ca: true, pathLength: 0 });
  server = await startCrlServer({ ca });
  const opts = { dnsNames: ["crl.test"], crlUrls: [server.url] };
  [good, revoked] = await Promise.all([issue(ca, opts), issue(ca, opts)]);
  server.entries = [
    { serial: "0abcdef1", revokedAt: new Date(Date.now() - DAY) },
    { serial: revoked.cert.serialNumber, revokedAt, reason: 4 },
  ];
});

afterAll(async () => {
  await server?.close();
});

const withKnobs = async <T>(knobs: Partial<FakeCrlServer["knobs"]>, run: () => Promise<T>): Promise<T> => {
  const saved = { ...server.knobs };
  Object.assign(server.knobs, knobs);
  try {
    return await run();
  } finally {
    Object.assign(server.knobs, saved);
  }
};

describe("CRL lookups", () => {
  it("reports a certificate not on the CRL as good", async () => {
    const facts = await checkRevocation({
      leafDer: good.der,
      issuerDer: ca.der,
      caches: createRevocationCaches(),
    });
    expect(facts).toMatchObject({ status: "good", method: "crl", ocsp: null });
    expect(facts.crl).toMatchObject({ url: server.url, status: "good", error: null });
  });

  it("reports a listed certificate as revoked with time and reason", async () => {
    const facts = await checkRevocation({
      leafDer: revoked.der,
      issuerDer: ca.der,
      caches: createRevocationCaches(),
    });
    expect(facts).toMatchObject({ status: "revoked", method: "crl", revokedAt: revokedAt.toISOString() });
    expect(facts.reason).toContain("superseded");
  });

  it("reads PEM CRLs too", async () => {
    expect(await withKnobs({ pem: true }, () => crlOnly(revoked))).toMatchObject({ status: "revoked" });
  });
});

describe("CRLs that must not be trusted", () => {
  it("a bad signature is unknown", async () => {
    const r = await withKnobs({ badSignature: true }, () => crlOnly(revoked));
    expect(r).toMatchObject({
      status: "unknown",
      revokedAt: null,
      error: "CRL signature does not verify with the issuer's key",
    });
  });

  it("a CRL past nextUpdate is unknown with the date", async () => {
    const r = await withKnobs({ expired: true }, () => crlOnly(revoked));
    expect(r.status).toBe("unknown");
    expect(r.error).toMatch(/^CRL expired: nextUpdate \d{4}-.* has passed$/);
  });

  it("an oversized body is cut off at the cap", async () => {
    const r = await withKnobs({ oversizedBytes: 300_000 }, () => crlOnly(good, { maxBytes: 100_000 }));
    expect(r.status).toBe("unknown");
    expect(r.error).toContain("is larger than 98 KB");
  });

  it("404 is unknown", async () => {
    const r = await withKnobs({ notFound: true }, () => crlOnly(good));
    expect(r).toMatchObject({ status: "unknown", error: `CRL ${server.url} returned HTTP 404` });
  });

  it("a CRL signed by another CA (same name, other key) is rejected", async () => {
    const impostor = await issue(null, { subject: "CN=CRL Test CA", ca: true });
    const r = await crlOnly(good, { issuer: certParts(impostor.der) });
    expect(r.status).toBe("unknown");
    expect(r.error).toContain("signature does not verify");
  });
});

describe("policy and cache", () => {
  let responder: FakeOcspResponder;
  afterAll(async () => {
    await responder?.close();
  });

  it("asks OCSP only when the CRL gives no verified answer", async () => {
    responder = await startOcspResponder({ ca });
    const both = await issue(ca, { crlUrls: [server.url], ocspUrls: [responder.url] });
    responder.setStatus(both, { status: "good" });
    const crlFirst = await checkRevocation({
      leafDer: both.der,
      issuerDer: ca.der,
      caches: createRevocationCaches(),
    });
    expect(crlFirst).toMatchObject({ status: "good", method: "crl", ocsp: null });
    expect(responder.requests).toHaveLength(0);
    const fallback = await withKnobs({ notFound: true }, () =>
      checkRevocation({ leafDer: both.der, issuerDer: ca.der, caches: createRevocationCaches() }),
    );
    expect(fallback).toMatchObject({ status: "good", method: "ocsp" });
    expect(fallback.crl).toMatchObject({ status: "unknown", error: `CRL ${server.url} returned HTTP 404` });
    const ocspFirst = await checkRevocation({
      leafDer: both.der,
      issuerDer: ca.der,
      caches: createRevocationCaches(),
      preferCrl: false,
    });
    expect(ocspFirst).toMatchObject({ status: "good", method: "ocsp", crl: null });
  });

  it("the preferred source settles it once verified; CRL-first finds a revocation OCSP misses", async () => {
    const leaf = await issue(ca, { crlUrls: [server.url], ocspUrls: [responder.url] });
    responder.setStatus(leaf, { status: "good" });
    server.entries = [...server.entries, { serial: leaf.cert.serialNumber, reason: 1 }];
    const facts = await checkRevocation({
      leafDer: leaf.der,
      issuerDer: ca.der,
      caches: createRevocationCaches(),
      preferCrl: false,
    });
    // OCSP (asked first) says good, so the CRL is not consulted: a verified answer settles it...
    expect(facts).toMatchObject({ status: "good", method: "ocsp" });
    // ...while CRL-first finds the revocation.
    const crlFirst = await checkRevocation({
      leafDer: leaf.der,
      issuerDer: ca.der,
      caches: createRevocationCaches(),
    });
    expect(crlFirst).toMatchObject({ status: "revoked", method: "crl" });
  });

  it("downloads a CRL once for many certificates and checks", async () => {
    const caches = createRevocationCaches();
    const before = server.requests;
    const results = await Promise.all(
      [good, revoked, good].map((leaf) => checkRevocation({ leafDer: leaf.der, issuerDer: ca.der, caches })),
    );
    expect(results.map((r) => r.status)).toEqual(["good", "revoked", "good"]);
    await checkRevocation({ leafDer: good.der, issuerDer: ca.der, caches });
    expect(server.requests - before).toBe(1);
  });
});
