import { BasicOCSPResponse, OCSPRequest, OCSPResponse } from "@peculiar/asn1-ocsp";
import { AsnConvert } from "@peculiar/asn1-schema";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOcspResponse, ocspResponseFor } from "@/tests/fakes/ocsp-responder";
import { type Issued, issue } from "@/tests/fakes/pki";
import { type CertParts, certParts } from "./cert-parts";
import { buildCertId, buildOcspRequest, ocspGetUrl } from "./ocsp-request";
import { certIdMatches, verifyOcspResponse } from "./ocsp-response";

let rsaCa: Issued;
let leaf: Issued;
let parts: { leaf: CertParts; issuer: CertParts };
let revokedDer: Buffer;

beforeAll(async () => {
  rsaCa = await issue(null, { subject: "CN=OCSP Unit RSA CA", ca: true, key: { type: "RSA", bits: 2048 } });
  leaf = await issue(rsaCa, { dnsNames: ["unit.test"], serialNumber: "00f1e2d3c4" });
  parts = { leaf: certParts(leaf.der), issuer: certParts(rsaCa.der, "issuer") };
  revokedDer = await ocspResponseFor(leaf, { status: "revoked", reason: 4 }, { ca: rsaCa });
});

describe("OCSP request", () => {
  it("carries a SHA-1 CertID for the certificate, and fits a GET", () => {
    const req = buildOcspRequest({ ...parts, nonce: true });
    const parsed = AsnConvert.parse(req.der, OCSPRequest);
    const id = parsed.tbsRequest.requestList[0]!.reqCert;
    expect(id.hashAlgorithm.algorithm).toBe("1.3.14.3.2.26");
    expect(certIdMatches(id, parts.leaf, parts.issuer)).toBe(true);
    expect(req.nonce).toHaveLength(32);
    const plain = buildOcspRequest(parts);
    const url = ocspGetUrl("http://ocsp.test/", plain.der);
    expect(url.length - "http://ocsp.test/".length).toBeLessThan(255);
    expect(Buffer.from(decodeURIComponent(url.slice("http://ocsp.test/".length)), "base64")).toEqual(
      plain.der,
    );
  });
});

describe("verifyOcspResponse", () => {
  it("verifies an RSA-signed revoked response", () => {
    expect(verifyOcspResponse(revokedDer, { ...parts, now: new Date() })).toMatchObject({
      status: "revoked",
      verified: true,
      revocationReason: "superseded",
    });
  });

  it("honours the CertID hash algorithm the response uses (SHA-256)", async () => {
    const id = buildCertId(parts.leaf, parts.issuer, "2.16.840.1.101.3.4.2.1");
    const der = await makeOcspResponse(id, { status: "good" }, { ca: rsaCa });
    expect(verifyOcspResponse(der, { ...parts, now: new Date() })).toMatchObject({
      status: "good",
      verified: true,
    });
    const otherIssuer = certParts(leaf.der); // wrong issuer: the hashes no longer match
    expect(certIdMatches(id, parts.leaf, otherIssuer)).toBe(false);
  });

  it("rejects a response whose thisUpdate is beyond the clock-skew allowance", async () => {
    const future = await ocspResponseFor(
      leaf,
      { status: "good" },
      { ca: rsaCa, thisUpdate: new Date(Date.now() + 3_600_000) },
    );
    const r = verifyOcspResponse(future, { ...parts, now: new Date() });
    expect(r.status).toBe("unknown");
    expect(r.error).toMatch(/thisUpdate .* is in the future/);
  });

  it("never throws, and never says revoked once a signed byte changes", () => {
    const outer = AsnConvert.parse(revokedDer, OCSPResponse);
    const basic = AsnConvert.parse(outer.responseBytes!.response.buffer, BasicOCSPResponse);
    const tbs = Buffer.from(basic.tbsResponseDataRaw!);
    const tbsStart = revokedDer.indexOf(tbs);
    expect(tbsStart).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (pos, delta) => {
        const bytes = Buffer.from(revokedDer);
        const at = pos % bytes.length;
        bytes[at] = (bytes[at]! + delta) & 0xff;
        const r = verifyOcspResponse(bytes, { ...parts, now: new Date() });
        if (at >= tbsStart && at < tbsStart + tbs.length) expect(r.status).toBe("unknown");
        if (r.status !== "unknown") expect(r.verified).toBe(true);
      }),
      { numRuns: 1_000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(verifyOcspResponse(bytes, { ...parts, now: new Date() }).status).toBe("unknown");
      }),
    );
  });
});
