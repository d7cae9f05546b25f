import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateKeys } from "@/tests/fakes/pki";
import { locateCertificateTbs, locateTbs } from "./der-walker";
import { parseLeafInput } from "./rfc6962-entry";
import { precertFormTbs } from "./tbs-precert";
import { b64, fixtureJson } from "./test-fixtures";

const SCT_OID = "1.3.6.1.4.1.11129.2.4.2";

/** Two certificates identical except for an SCT-list extension at `position` with `sctLen` bytes. */
async function pair(keys: CryptoKeyPair, subjectLen: number, sctLen: number, position: number) {
  const base = {
    serialNumber: "0a1b2c3d",
    subject: `CN=${"a".repeat(subjectLen)}.example`,
    issuer: "CN=Test CA",
    notBefore: new Date("2026-01-01T00:00:00Z"),
    notAfter: new Date("2026-04-01T00:00:00Z"),
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
  };
  const exts = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.SubjectAlternativeNameExtension([{ type: "dns", value: "www.example.com" }]),
  ];
  const sct = new x509.Extension(SCT_OID, false, new Uint8Array(sctLen).fill(7));
  const withSct = [...exts.slice(0, position), sct, ...exts.slice(position)];
  const a = await x509.X509CertificateGenerator.create({ ...base, extensions: withSct });
  const b = await x509.X509CertificateGenerator.create({ ...base, extensions: exts });
  const tbsOf = (c: x509.X509Certificate) => {
    const der = new Uint8Array(c.rawData);
    const L = locateCertificateTbs(der);
    return { der, L, tbs: Buffer.from(der.subarray(L.tbsStart, L.tbsEnd)) };
  };
  return { final: tbsOf(a), precert: tbsOf(b) };
}

describe("TBS in precert form", () => {
  it("equals the TBS issued without the SCT extension, wherever the extension sits", async () => {
    const keys = await generateKeys();
    for (const position of [0, 1, 2]) {
      const { final, precert } = await pair(keys, 10, 120, position);
      expect(Buffer.from(precertFormTbs(final.der, final.L))).toEqual(precert.tbs);
      expect(Buffer.from(precertFormTbs(precert.der, precert.L))).toEqual(precert.tbs);
    }
  });

  it("re-encodes lengths across DER length-of-length boundaries (property)", async () => {
    const keys = await generateKeys();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 70_000 }),
        async (sub, sct) => {
          const { final, precert } = await pair(keys, sub, sct, 2);
          expect(Buffer.from(precertFormTbs(final.der, final.L))).toEqual(precert.tbs);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("strips the embedded SCT list of a real 2014 certificate into a valid TBS", () => {
    const e = parseLeafInput(
      b64(fixtureJson("rfc6962/rfc6962_entry_samples.json").entries.ctgo_x509_entry.leaf_input),
    );
    if (e.entryType !== "x509") throw new Error("expected x509");
    const L = locateCertificateTbs(e.certDer);
    const stripped = precertFormTbs(e.certDer, L);
    const L2 = locateTbs(stripped);
    expect(L2.sctExtStart).toBe(-1);
    expect(L2.sanStart).toBeGreaterThan(0);
    expect(stripped.length).toBeLessThan(L.tbsEnd - L.tbsStart - (L.sctExtEnd - L.sctExtStart) + 4);
  });
});
