import "reflect-metadata";
import { createHash, X509Certificate } from "node:crypto";
import * as x509 from "@peculiar/x509";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { issue, makeChain, type TestPki } from "@/tests/fakes/pki";
import { certificateFacts } from "./certificate-facts";
import { countScts, readSubjectAltNames, readTlv, tlsFeatureHasStatusRequest } from "./der";

function sctExtension(lengths: number[]): x509.Extension {
  const entries = lengths.flatMap((n) => [n >> 8, n & 0xff, ...new Array(n).fill(7)]);
  const list = [entries.length >> 8, entries.length & 0xff, ...entries];
  const octet = [0x04, 0x81, list.length, ...list];
  return new x509.Extension("1.3.6.1.4.1.11129.2.4.2", false, new Uint8Array(octet));
}

let pki: TestPki;
beforeAll(async () => {
  pki = await makeChain("www.example.test", {
    ocspUrls: ["http://ocsp.example.test"],
    caIssuersUrls: ["http://ca.example.test/int.der"],
    crlUrls: ["http://crl.example.test/int.crl"],
    mustStaple: true,
    ipAddresses: ["127.0.0.1", "2001:db8::1"],
    extraExtensions: [sctExtension([40, 60, 50])],
    notAfterDays: 10.5,
  });
});

describe("certificateFacts", () => {
  it("reports names, validity, digests and extensions", () => {
    const f = certificateFacts(pki.leaf.der);
    expect(f.subject).toBe("CN=www.example.test");
    expect(f.commonName).toBe("www.example.test");
    expect(f.issuer).toBe("CN=Certwatch Test Intermediate");
    expect(f.sans).toEqual(["www.example.test", "127.0.0.1", "2001:db8::1"]);
    expect(f.daysRemaining).toBe(10);
    expect(f.notAfter).toBe(pki.leaf.cert.notAfter.toISOString());
    expect(f.fingerprintSha256).toBe(
      new X509Certificate(pki.leaf.der).fingerprint256.replace(/:/g, "").toLowerCase(),
    );
    const spki = new X509Certificate(pki.leaf.der).publicKey.export({ type: "spki", format: "der" });
    expect(f.spkiSha256).toBe(createHash("sha256").update(spki).digest("base64"));
    expect(f.serialNumber).toBe(pki.leaf.cert.serialNumber.toLowerCase().replace(/^(00)+/, ""));
    expect(f).toMatchObject({
      keyType: "EC",
      keyBits: 256,
      curve: "P-256",
      signatureAlgorithm: "ecdsa-with-SHA256",
      selfSigned: false,
      serverAuthEku: true,
      ocspUrls: ["http://ocsp.example.test"],
      caIssuersUrls: ["http://ca.example.test/int.der"],
      crlUrls: ["http://crl.example.test/int.crl"],
      sctCount: 3,
      mustStaple: true,
    });
  });

  it("gives negative days for an expired certificate and honours `now`", () => {
    const f = certificateFacts(pki.leaf.der, new Date(Date.now() + 20 * 86_400_000));
    expect(f.daysRemaining).toBe(-10);
  });

  it("reads RSA-1024 with SHA-1, self-signed, without EKU", async () => {
    const old = await issue(null, {
      subject: "CN=old",
      key: { type: "RSA", bits: 1024 },
      hash: "SHA-1",
      serverAuth: false,
    });
    const f = certificateFacts(old.der);
    expect(f).toMatchObject({ keyType: "RSA", keyBits: 1024, signatureAlgorithm: "sha1WithRSAEncryption" });
    expect(f).toMatchObject({
      selfSigned: true,
      serverAuthEku: null,
      sctCount: 0,
      mustStaple: false,
      sans: [],
    });
  });

  it("names RSA SHA-256 and P-384 certificates", async () => {
    const rsa = await issue(null, { key: { type: "RSA", bits: 2048 } });
    const ec = await issue(null, { key: { type: "EC", curve: "P-384" }, hash: "SHA-384" });
    expect(certificateFacts(rsa.der)).toMatchObject({
      keyBits: 2048,
      signatureAlgorithm: "sha256WithRSAEncryption",
    });
    expect(certificateFacts(ec.der)).toMatchObject({
      curve: "P-384",
      signatureAlgorithm: "ecdsa-with-SHA384",
    });
  });

  it("parses 10,000 SANs", async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `h${i}.example.test`);
    const big = await issue(pki.intermediate, { dnsNames: names });
    expect(certificateFacts(big.der).sans).toHaveLength(10_000);
  });

  it("throws CERT_PARSE_ERROR on garbage, never a raw error", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        try {
          certificateFacts(Buffer.from(bytes));
          return true;
        } catch (e) {
          return e instanceof CertwatchError && e.code === "CERT_PARSE_ERROR";
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("hand-read encodings", () => {
  it("counts SCTs and rejects inconsistent lists", () => {
    const value = new Uint8Array(sctExtension([3, 4]).value);
    expect(countScts(value)).toBe(2);
    expect(countScts(value.subarray(0, value.length - 1))).toBe(0);
    expect(countScts(new Uint8Array([0x04, 0x02, 0x00, 0x00]))).toBe(0);
  });

  it("finds status_request in a TLS Feature", () => {
    expect(tlsFeatureHasStatusRequest(new Uint8Array([0x30, 3, 2, 1, 5]))).toBe(true);
    expect(tlsFeatureHasStatusRequest(new Uint8Array([0x30, 3, 2, 1, 17]))).toBe(false);
    expect(tlsFeatureHasStatusRequest(new Uint8Array([0x30, 9, 2]))).toBe(false);
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (b, at) => {
        readTlv(b, at);
        countScts(b);
        tlsFeatureHasStatusRequest(b);
        readSubjectAltNames(b);
        return true;
      }),
    );
  });
});
