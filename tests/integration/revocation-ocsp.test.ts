// OCSP against a real responder on 127.0.0.1: statuses, delegation, and every way a response can fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certParts } from "@/lib/revocation/cert-parts";
import { checkRevocation, createRevocationCaches } from "@/lib/revocation/check-revocation";
import { checkOcsp } from "@/lib/revocation/ocsp-check";
import { type FakeOcspResponder, startOcspResponder } from "@/tests/fakes/ocsp-responder";
import { type Issued, issue } from "@/tests/fakes/pki";

const DAY = 86_400_000;
let root: Issued;
let ca: Issued;
let responder: FakeOcspResponder;
let good: Issued;
let revoked: Issued;
let unlisted: Issued;
const revokedAt = new Date(Date.now() - 3 * DAY);
revokedAt.setUTCMilliseconds(0);

const check = (leaf: Issued, extra: Partial<Parameters<typeof checkRevocation>[0]> = {}) =>
  checkRevocation({
    leafDer: leaf.der,
    issuerDer: ca.der,
    caches: createRevocationCaches(),
    timeoutMs: 5_000,
    ...extra,
  });

const ocspOnly = (leaf: Issued, url: string, extra: Partial<Parameters<typeof checkOcsp>[0]> = {}) =>
  checkOcsp({
    url,
    leaf: certParts(leaf.der),
    issuer: certParts(ca.der, "issuer"),
    timeoutMs: 5_000,
    ...extra,
  });

beforeAll(async () => {
  root = await issue(null, { subject: "CN=Revocation Test Root", ca: true });
  ca = await issue(root, { subject: "CN=Revocation Test CA", ca: true, pathLength: 0 });
  responder = await startOcspResponder({ ca });
  const leafOpts = { dnsNames: ["ocsp.test"], ocspUrls: [responder.url] };
  [good, revoked, unlisted] = await Promise.all([
    issue(ca, leafOpts),
    issue(ca, leafOpts),
    issue(ca, leafOpts),
  ]);
  responder.setStatus(good, { status: "good" });
  responder.setStatus(revoked, { status: "revoked", revokedAt, reason: 1 });
});

afterAll(async () => {
  await responder?.close();
});

describe("OCSP statuses", () => {
  it("reports a good certificate", async () => {
    const facts = await check(good);
    expect(facts).toMatchObject({ status: "good", method: "ocsp", reason: null, stapled: false, crl: null });
    expect(facts.ocsp).toMatchObject({ url: responder.url, status: "good", error: null });
    expect(Date.parse(facts.ocsp!.nextUpdate!)).toBeGreaterThan(Date.now());
  });

  it("reports a revoked certificate with time and reason", async () => {
    const facts = await check(revoked);
    expect(facts).toMatchObject({ status: "revoked", method: "ocsp", revokedAt: revokedAt.toISOString() });
    expect(facts.reason).toContain("keyCompromise");
    expect(facts.ocsp?.status).toBe("revoked");
  });

  it("reports a certificate the responder does not know as unknown", async () => {
    const facts = await check(unlisted);
    expect(facts).toMatchObject({ status: "unknown", method: "ocsp" });
    expect(facts.reason).toContain("does not know this certificate");
  });
});

describe("delegated responders", () => {
  it("accepts a response signed by a CA-issued responder certificate with OCSPSigning", async () => {
    const delegate = await issue(ca, { subject: "CN=OCSP Signer", ocspSigning: true, serverAuth: false });
    const r = await startOcspResponder({ ca, signer: delegate, statuses: [[good, { status: "good" }]] });
    try {
      expect(await ocspOnly(good, r.url)).toMatchObject({ status: "good", verified: true, error: null });
    } finally {
      await r.close();
    }
  });

  it("rejects a delegate without the OCSPSigning EKU, and one issued by another CA", async () => {
    const noEku = await issue(ca, { subject: "CN=Not An OCSP Signer", serverAuth: true });
    const otherCa = await issue(root, { subject: "CN=Other CA", ca: true });
    const foreign = await issue(otherCa, {
      subject: "CN=Foreign Signer",
      ocspSigning: true,
      serverAuth: false,
    });
    for (const [signer, why] of [
      [noEku, "lacks the OCSPSigning extended key usage"],
      [foreign, "not issued by the certificate's issuer"],
    ] as const) {
      const r = await startOcspResponder({ ca, signer, statuses: [[revoked, { status: "revoked" }]] });
      try {
        const result = await ocspOnly(revoked, r.url);
        expect(result).toMatchObject({ status: "unknown", verified: false });
        expect(result.error).toContain(why);
      } finally {
        await r.close();
      }
    }
  });
});

describe("responses that must not be trusted", () => {
  const withKnobs = async (knobs: Partial<FakeOcspResponder["knobs"]>, leaf: Issued, timeoutMs = 5_000) => {
    const r = await startOcspResponder({
      ca,
      statuses: [
        [revoked, { status: "revoked" }],
        [good, { status: "good" }],
      ],
    });
    Object.assign(r.knobs, knobs);
    try {
      return await ocspOnly(leaf, r.url, { timeoutMs });
    } finally {
      await r.close();
    }
  };

  it("a bad signature is unknown, never revoked", async () => {
    const result = await withKnobs({ badSignature: true }, revoked);
    expect(result).toMatchObject({ status: "unknown", revokedAt: null });
    expect(result.error).toMatch(/OCSP response signature does not verify/);
  });

  it("a response past nextUpdate is unknown with the date", async () => {
    const result = await withKnobs({ expired: true }, revoked);
    expect(result.status).toBe("unknown");
    expect(result.error).toMatch(/^OCSP response expired: nextUpdate \d{4}-\d\d-\d\dT.* has passed$/);
  });

  it("a responder that does not answer in time is unknown", async () => {
    const result = await withKnobs({ delayMs: 10_000 }, good, 300);
    expect(result.status).toBe("unknown");
    expect(result.error).toContain("did not answer / in time");
  });

  it("HTTP 500, garbage and tryLater are unknown with the reason", async () => {
    expect((await withKnobs({ http500: true }, good)).error).toContain("returned HTTP 500");
    expect((await withKnobs({ garbage: true }, good)).error).toContain("not a valid OCSPResponse");
    expect((await withKnobs({ responseStatus: 3 }, good)).error).toContain('answered "tryLater"');
  });

  it("a response for another certificate does not count", async () => {
    const r = await startOcspResponder({ ca, statuses: [[good, { status: "good" }]] });
    try {
      // Ask about `unlisted` but let the fake answer for `good` by forging the request serial.
      const result = await ocspOnly(unlisted, r.url, {
        fetch: async (req) => {
          const { cappedFetch } = await import("@/lib/revocation/http-fetch");
          const { buildOcspRequest } = await import("@/lib/revocation/ocsp-request");
          const other = buildOcspRequest({ leaf: certParts(good.der), issuer: certParts(ca.der) });
          return cappedFetch({ ...req, body: other.der });
        },
      });
      expect(result.status).toBe("unknown");
      expect(result.error).toContain("does not cover this certificate");
    } finally {
      await r.close();
    }
  });
});

describe("transport", () => {
  it("uses GET when preferred, and falls back to GET when POST gets 405", async () => {
    const before = responder.requests.length;
    expect(await ocspOnly(good, responder.url, { preferGet: true })).toMatchObject({ status: "good" });
    expect(responder.requests.slice(before).map((r) => r.method)).toEqual(["GET"]);
    responder.knobs.rejectPost = true;
    try {
      const mid = responder.requests.length;
      expect(await ocspOnly(good, responder.url)).toMatchObject({ status: "good" });
      expect(responder.requests.slice(mid).map((r) => r.method)).toEqual(["POST", "GET"]);
    } finally {
      responder.knobs.rejectPost = false;
    }
  });

  it("sends a nonce and accepts the echoed one", async () => {
    expect(await ocspOnly(revoked, responder.url, { nonce: true })).toMatchObject({ status: "revoked" });
  });

  it("caches a verified answer: the second check makes no request", async () => {
    const caches = createRevocationCaches();
    const before = responder.requests.length;
    const first = await check(good, { caches });
    const second = await check(good, { caches });
    expect(second).toEqual(first);
    expect(responder.requests.length - before).toBe(1);
    expect(caches.ocsp.hits).toBe(1);
  });
});
