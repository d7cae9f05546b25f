import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { issue, makeChain, type TestPki } from "@/tests/fakes/pki";
import { decodeIssuerCertificates } from "./aia-issuers";
import { chainFacts, toChainFacts } from "./chain-facts";

const AIA = "http://127.0.0.1:9/int.der";
let pki: TestPki;
beforeAll(async () => {
  pki = await makeChain("localhost", { caIssuersUrls: [AIA] });
});

const facts = (chainDer: Buffer[], extra: Partial<Parameters<typeof chainFacts>[0]> = {}) =>
  chainFacts({ chainDer, host: "localhost", caPem: pki.root.pem, ...extra });

describe("chainFacts", () => {
  it("trusts a complete chain to a private root", async () => {
    const f = await facts([pki.leaf.der, pki.intermediate.der]);
    expect(f).toMatchObject({
      trusted: true,
      trustError: null,
      complete: true,
      hostnameMatch: true,
      anchor: "private",
    });
    expect(f.certificates.map((c) => c.subject)).toEqual([
      "CN=localhost",
      "CN=Certwatch Test Intermediate",
      "CN=Certwatch Test Root",
    ]);
    expect(f.pathSources).toEqual(["presented", "presented", "store"]);
    expect(f.earliestExpiry).toBe(pki.leaf.cert.notAfter.toISOString());
    expect(Object.keys(toChainFacts(f)).sort()).toEqual(
      ["certificates", "complete", "earliestExpiry", "hostnameMatch", "trustError", "trusted"].sort(),
    );
  });

  it("does not trust the same chain without the private CA", async () => {
    const f = await facts([pki.leaf.der, pki.intermediate.der], { caPem: null });
    expect(f).toMatchObject({ trusted: false, trustError: "UNKNOWN_ISSUER", complete: false });
    expect(f.trustErrorMessage).toContain("Certwatch Test Root");
  });

  it("reports a missing intermediate, and completes it via AIA (DER, PEM, PKCS#7)", async () => {
    const missing = await facts([pki.leaf.der]);
    expect(missing).toMatchObject({ trusted: false, trustError: "INCOMPLETE_CHAIN", complete: false });
    const pkcs7 = Buffer.from(new x509.X509Certificates([pki.intermediate.cert]).export("raw"));
    for (const body of [pki.intermediate.der, Buffer.from(pki.intermediate.pem), pkcs7]) {
      const asked: string[] = [];
      const f = await facts([pki.leaf.der], {
        fetchIssuer: async (url) => {
          asked.push(url);
          return body;
        },
      });
      expect(f).toMatchObject({ trusted: true, complete: false, trustError: null });
      expect(f.pathSources).toEqual(["presented", "aia", "store"]);
      expect(asked).toEqual([AIA]);
    }
  });

  it("keeps INCOMPLETE_CHAIN when the AIA download fails", async () => {
    const f = await facts([pki.leaf.der], { fetchIssuer: async () => null });
    expect(f).toMatchObject({ trusted: false, trustError: "INCOMPLETE_CHAIN", aiaFetched: [AIA] });
  });

  it("flags an expired leaf and an expired intermediate", async () => {
    const later = new Date(Date.now() + 400 * 86_400_000);
    const f = await facts([pki.leaf.der, pki.intermediate.der], { now: later });
    expect(f).toMatchObject({ trusted: false, trustError: "EXPIRED" });
    expect(f.trustErrorMessage).toMatch(/^The certificate expired on \d{4}-\d\d-\d\d$/);
    const old = await issue(pki.root, {
      subject: "CN=Old Int",
      ca: true,
      notBefore: new Date(Date.now() - 9e9),
      notAfter: new Date(Date.now() - 8e9),
    });
    const leaf = await issue(old, { dnsNames: ["localhost"] });
    const g = await facts([leaf.der, old.der]);
    expect(g.problems.map((p) => p.code)).toEqual(["EXPIRED"]);
    expect(g.trustErrorMessage).toContain("CN=Old Int");
  });

  it("flags not-yet-valid, self-signed, untrusted root and name mismatch separately", async () => {
    const future = await issue(pki.intermediate, { dnsNames: ["localhost"], notBeforeDays: 2 });
    expect((await facts([future.der, pki.intermediate.der])).trustError).toBe("NOT_YET_VALID");
    const self = await issue(null, { dnsNames: ["localhost"] });
    expect(await facts([self.der])).toMatchObject({
      trustError: "SELF_SIGNED",
      complete: true,
      hostnameMatch: true,
    });
    expect(await facts([self.der], { caPem: self.pem })).toMatchObject({ trusted: true, trustError: null });
    expect(
      (await facts([pki.leaf.der, pki.intermediate.der, pki.root.der], { caPem: null })).trustError,
    ).toBe("UNTRUSTED_ROOT");
    expect(await facts([pki.leaf.der, pki.intermediate.der], { host: "other.test" })).toMatchObject({
      trusted: true,
      hostnameMatch: false,
    });
  });

  it("detects a bad signature (same issuer name, different key)", async () => {
    const impostor = await issue(pki.root, { subject: "CN=Certwatch Test Intermediate", ca: true });
    const f = await facts([pki.leaf.der, impostor.der]);
    expect(f.trustError).toBe("BAD_SIGNATURE");
  });

  it("builds through out-of-order and extra certificates and includes a presented root in earliestExpiry", async () => {
    const shortRoot = await issue(null, { subject: "CN=Short Root", ca: true, notAfterDays: 5 });
    const mid = await issue(shortRoot, { subject: "CN=Mid", ca: true });
    const leaf = await issue(mid, { dnsNames: ["localhost"] });
    const stray = await issue(null, { subject: "CN=Stray" });
    const f = await facts([leaf.der, shortRoot.der, stray.der, mid.der], { caPem: shortRoot.pem });
    expect(f).toMatchObject({ trusted: true, outOfOrder: true, unusedPresented: 1, presentedCount: 4 });
    expect(f.earliestExpiry).toBe(shortRoot.cert.notAfter.toISOString());
  });

  it("treats RSA-1024 and SHA-1 as trusted but lists the weak signature", async () => {
    const weakInt = await issue(pki.root, {
      subject: "CN=Weak Int",
      ca: true,
      key: { type: "RSA", bits: 1024 },
      hash: "SHA-1",
    });
    const leaf = await issue(weakInt, { dnsNames: ["localhost"], hash: "SHA-1" });
    const f = await facts([leaf.der, weakInt.der]);
    expect(f).toMatchObject({
      trusted: true,
      weakSignatures: [
        { subject: "CN=localhost", algorithm: "sha1WithRSAEncryption" },
        { subject: "CN=Weak Int", algorithm: "ecdsa-with-SHA1" },
      ],
    });
    expect(f.certificates[1]!.keyBits).toBe(1024);
  });

  it("rejects an intermediate that is not a CA", async () => {
    const notCa = await issue(pki.root, { subject: "CN=Not A CA" });
    const leaf = await issue(notCa, { dnsNames: ["localhost"] });
    expect((await facts([leaf.der, notCa.der])).trustError).toBe("INVALID_CA");
  });
});

describe("decodeIssuerCertificates", () => {
  it("returns nothing for junk", () => {
    expect(decodeIssuerCertificates(Buffer.from("<html>not found</html>"))).toEqual([]);
    expect(decodeIssuerCertificates(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05]))).toEqual([]);
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) =>
        Array.isArray(decodeIssuerCertificates(Buffer.from(b))),
      ),
      { numRuns: 300 },
    );
  });

  it("ignores unparsable extra certificates in a presented chain", async () => {
    const f = await facts([pki.leaf.der, Buffer.from("junk"), pki.intermediate.der]);
    expect(f).toMatchObject({ trusted: true, unusedPresented: 1 });
  });
});
