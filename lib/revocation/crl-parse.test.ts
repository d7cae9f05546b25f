import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isCertwatchError } from "@/lib/errors";
import { buildCrl } from "@/tests/fakes/crl-server";
import { type Issued, issue } from "@/tests/fakes/pki";
import { certParts } from "./cert-parts";
import { lookupSerial } from "./crl-check";
import { parseCrl, readCrlEntry } from "./crl-parse";
import { verifySignature } from "./signature";

let ca: Issued;
let rsaCa: Issued;
let crl: Buffer;
const revokedAt = new Date("2026-02-03T04:05:06Z");

beforeAll(async () => {
  ca = await issue(null, { subject: "CN=CRL Unit CA", ca: true });
  rsaCa = await issue(null, { subject: "CN=CRL Unit RSA CA", ca: true, key: { type: "RSA", bits: 2048 } });
  crl = await buildCrl({
    ca,
    entries: [
      { serial: "01", revokedAt },
      { serial: "00ff", revokedAt, reason: x509.X509CrlReason.keyCompromise },
      { serial: "0a0b0c", revokedAt, reason: x509.X509CrlReason.removeFromCRL },
    ],
  });
});

describe("parseCrl", () => {
  it("agrees with @peculiar/x509 on fields and entries", () => {
    const parsed = parseCrl(crl);
    const ref = new x509.X509Crl(new Uint8Array(crl));
    expect(parsed.thisUpdate.getTime()).toBe(ref.thisUpdate.getTime());
    expect(parsed.nextUpdate?.getTime()).toBe(ref.nextUpdate?.getTime());
    expect([...parsed.entries.keys()].sort()).toEqual(["1", "a0b0c", "ff"]);
    expect(readCrlEntry(parsed, parsed.entries.get("ff")!)).toEqual({
      revokedAt,
      reasonCode: 1,
      unsupported: null,
    });
    expect(parsed.unsupported).toBeNull();
    expect(parsed.algorithmsMatch).toBe(true);
  });

  it("verifies ECDSA and RSA CRL signatures with the issuer key only", async () => {
    const rsaCrl = parseCrl(await buildCrl({ ca: rsaCa, entries: [{ serial: "02" }] }));
    expect(
      verifySignature(
        rsaCrl.signatureAlgorithm,
        rsaCrl.tbsRaw,
        rsaCrl.signature,
        certParts(rsaCa.der).publicKey,
      ),
    ).toBe(true);
    const ec = parseCrl(crl);
    expect(verifySignature(ec.signatureAlgorithm, ec.tbsRaw, ec.signature, certParts(ca.der).publicKey)).toBe(
      true,
    );
    expect(
      verifySignature(ec.signatureAlgorithm, ec.tbsRaw, ec.signature, certParts(rsaCa.der).publicKey),
    ).toBe(false);
  });

  it("treats removeFromCRL as not revoked", () => {
    const parsed = parseCrl(crl);
    const leaf = { ...certParts(ca.der), serialHex: "a0b0c" };
    expect(lookupSerial(parsed, leaf, new Date()).status).toBe("good");
    expect(lookupSerial(parsed, { ...leaf, serialHex: "ff" }, new Date())).toMatchObject({
      status: "revoked",
      revocationReason: "keyCompromise",
    });
  });

  it("throws only CertwatchErrors on corrupted or truncated CRLs", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), (pos, value, truncate) => {
        const bytes = Buffer.from(crl);
        const at = pos % bytes.length;
        bytes[at] = truncate ? bytes[at]! : value;
        const input = truncate ? bytes.subarray(0, at) : bytes;
        try {
          parseCrl(input);
        } catch (err) {
          expect(isCertwatchError(err)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("throws only CertwatchErrors on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          parseCrl(Uint8Array.from([0x30, 0x82, bytes.length >> 8, bytes.length & 0xff, ...bytes]));
        } catch (err) {
          expect(isCertwatchError(err)).toBe(true);
        }
      }),
    );
  });
});
