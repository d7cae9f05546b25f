import { createHash, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { encodeExtraData, encodeLeafInput, leafIndexExtension } from "./encode";
import { parseCtExtensions, parseExtraData, parseLeafInput } from "./rfc6962-entry";
import { b64, fixtureJson } from "./test-fixtures";

const samples = fixtureJson("rfc6962/rfc6962_entry_samples.json").entries;
const spkiOf = (certDer: Uint8Array) =>
  new X509Certificate(certDer).publicKey.export({ type: "spki", format: "der" });

describe("RFC 6962 entries", () => {
  it("parses a real precert entry and its PrecertChainEntry", () => {
    const li = b64(samples.ctgo_precert_entry.leaf_input);
    const e = parseLeafInput(li);
    expect(e.entryType).toBe("precert");
    if (e.entryType !== "precert") return;
    expect(e.timestamp).toBe(li.readUIntBE(2, 6) * 65536 + li.readUInt16BE(8));
    const x = parseExtraData(b64(samples.ctgo_precert_entry.extra_data), "precert");
    if (x.entryType !== "precert") throw new Error("type");
    expect(x.chain).toHaveLength(3);
    // issuer_key_hash is SHA-256 of the issuing CA's SPKI (the first chain certificate).
    expect(Buffer.from(e.issuerKeyHash)).toEqual(createHash("sha256").update(spkiOf(x.chain[0]!)).digest());
    // The poisoned precert's TBS is 21 bytes longer than the leaf's (the CT poison extension).
    expect(x.preCertificate.length).toBeGreaterThan(e.tbsDer.length);
  });

  it("parses real x509 entries and their certificate chains", () => {
    for (const key of ["ctgo_x509_entry", "certstream_x509_entry_2018"]) {
      const e = parseLeafInput(b64(samples[key].leaf_input));
      expect(e.entryType).toBe("x509");
      const x = parseExtraData(b64(samples[key].extra_data), "x509");
      expect(x.chain.length).toBeGreaterThan(0);
    }
    const four = fixtureJson("rfc6962/ctgo_scanner_2013_four_entries_get-entries.json").entries;
    for (const item of four) {
      const e = parseLeafInput(b64(item.leaf_input));
      expect(e.entryType).toBe("x509");
      expect(parseExtraData(b64(item.extra_data), "x509").chain.length).toBeGreaterThan(0);
    }
  });

  it("round-trips through the encoders used by fake logs", () => {
    const li = b64(samples.ctgo_precert_entry.leaf_input);
    expect(encodeLeafInput(parseLeafInput(li))).toEqual(li);
    const extra = b64(samples.ctgo_precert_entry.extra_data);
    expect(encodeExtraData(parseExtraData(extra, "precert"))).toEqual(extra);
    const x = b64(samples.ctgo_x509_entry.extra_data);
    expect(encodeExtraData(parseExtraData(x, "x509"))).toEqual(x);
  });

  it("rejects wrong versions, unknown entry types and trailing bytes", () => {
    const li = b64(samples.ctgo_x509_entry.leaf_input);
    const bad = (mutate: (b: Buffer) => Buffer) => () => parseLeafInput(mutate(Buffer.from(li)));
    const set = (at: number, v: number) => (b: Buffer) => {
      b[at] = v;
      return b;
    };
    expect(bad(set(0, 1))).toThrow(/version/);
    expect(bad(set(1, 1))).toThrow(/MerkleLeafType/);
    expect(bad(set(11, 7))).toThrow(/entry_type 7/);
    expect(bad((b) => Buffer.concat([b, Uint8Array.of(0)]))).toThrow(CertwatchError);
    expect(bad((b) => b.subarray(0, b.length - 1))).toThrow(CertwatchError);
  });

  it("reads the static-ct leaf_index extension", () => {
    expect(parseCtExtensions(leafIndexExtension(1234567890)).leafIndex).toBe(1234567890);
    expect(parseCtExtensions(new Uint8Array(0)).leafIndex).toBeNull();
    expect(() => parseCtExtensions(Uint8Array.of(0, 0, 4, 1, 2, 3, 4))).toThrow(/leaf_index/);
    expect(() => parseCtExtensions(Uint8Array.of(0, 0, 6, 1, 2, 3, 4, 5, 6))).toThrow(/trailing/);
  });
});
