import "reflect-metadata";
import { createHash } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { generateKeys } from "@/tests/fakes/pki";
import { CompactTree } from "./compact-tree";
import { locateCertificateTbs } from "./der-walker";
import { encodeLeafInput, encodeTileLeaf, encodeTimestampedEntry } from "./encode";
import { describeCertificate } from "./entry-examine";
import { processRfc6962Entries, processTile } from "./entry-pipeline";
import { b64, fixtureJson, NAVIGLI_TILES, navigliDataTile, navigliHashTile } from "./test-fixtures";
import { parseDataTile } from "./tile-leaf";
import { Watchlist } from "./watchlist";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest();
const derived = fixtureJson("static-ct/navigli2025h2/derived_proofs.json");

describe("processTile on the real Navigli tiles", () => {
  it("emits the level-0 hashes, feeding a collapsed tree to the published 1024 root", () => {
    const tree = new CompactTree();
    for (const [i, name] of NAVIGLI_TILES.entries()) {
      const out = processTile(navigliDataTile(name), i * 256, new Watchlist());
      expect(out.count).toBe(256);
      expect(out.leafHashes).toEqual(navigliHashTile(name));
      expect(out.malformed).toEqual([]);
      tree.appendPacked(out.leafHashes);
    }
    expect(tree.root().toString("base64")).toBe(derived.roots["1024"]);
  });

  it("reports sightings with names, issuer, validity and dedup keys", () => {
    const tile = navigliDataTile("000");
    const out = processTile(tile, 0, new Watchlist([".drive-platform.io"]));
    const first = out.sightings[0]!;
    const leaf = parseDataTile(tile)[0]!;
    if (leaf.entry.entryType !== "precert") throw new Error("expected precert");
    expect(first).toMatchObject({
      index: 0,
      precert: true,
      certSha256: null,
      commonNames: ["*.gated.dev-euw1.x0a839b.drive-platform.io"],
      issuer: "CN=(STAGING) Counterfeit Cashew R10, O=(STAGING) Let's Encrypt, C=US",
      timestamp: leaf.entry.timestamp,
    });
    expect(first.watchItem.pattern).toBe(".drive-platform.io");
    expect(first.dnsNames).toHaveLength(8);
    expect(first.tbsSha256).toEqual(sha256(leaf.entry.tbsDer));
    expect(first.issuerKeyHash).toEqual(Buffer.from(leaf.entry.issuerKeyHash));
    expect(first.notAfter!.getTime()).toBeGreaterThan(first.notBefore!.getTime());
    expect(first.serial).toMatch(/^[0-9a-f]+$/);
    expect(out.sightings.every((s) => s.dnsNames.some((n) => n.endsWith("drive-platform.io")))).toBe(true);
  });

  it("numbers entries from startIndex and stops at maxEntries", () => {
    const everything = new Watchlist(["."]);
    const out = processTile(navigliDataTile("003.p/10"), 768, everything);
    expect(out.sightings.map((s) => s.index)).toEqual(Array.from({ length: 10 }, (_, i) => 768 + i));
    expect(() => processTile(navigliDataTile("000"), 0, everything, 10)).toThrow(/more than 10/);
    expect(() => processTile(navigliDataTile("000").subarray(0, 5000), 0, everything)).toThrow(
      CertwatchError,
    );
  });
});

async function certPair() {
  const keys = await generateKeys();
  const base = {
    serialNumber: "00c0ffee",
    subject: "CN=shop.example.com",
    issuer: "CN=Pipeline Test CA",
    notBefore: new Date("2026-01-01T00:00:00Z"),
    notAfter: new Date("2026-04-01T00:00:00Z"),
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
  };
  const san = new x509.SubjectAlternativeNameExtension([
    { type: "dns", value: "shop.example.com" },
    { type: "ip", value: "192.0.2.7" },
  ]);
  const sct = new x509.Extension("1.3.6.1.4.1.11129.2.4.2", false, new Uint8Array(200).fill(1));
  const final = new Uint8Array(
    (await x509.X509CertificateGenerator.create({ ...base, extensions: [san, sct] })).rawData,
  );
  const pre = new Uint8Array(
    (await x509.X509CertificateGenerator.create({ ...base, extensions: [san] })).rawData,
  );
  return { final, preTbs: parseTbs(pre) };
}

function parseTbs(cert: Uint8Array): Uint8Array {
  const L = locateCertificateTbs(cert);
  return cert.subarray(L.tbsStart, L.tbsEnd);
}

describe("x509 and precert entries of one certificate", () => {
  it("share one tbsSha256 in a tile; only the certificate gets certSha256", async () => {
    const { final, preTbs } = await certPair();
    const ikh = Buffer.alloc(32, 9);
    const entries = [
      encodeTileLeaf({
        timestampedEntry: encodeTimestampedEntry({
          entryType: "precert",
          issuerKeyHash: ikh,
          tbsDer: preTbs,
          timestamp: 1,
        }),
        preCertificate: Uint8Array.of(0x30, 0),
        chainFingerprints: [ikh],
      }),
      encodeTileLeaf({
        timestampedEntry: encodeTimestampedEntry({ entryType: "x509", certDer: final, timestamp: 2 }),
        preCertificate: null,
        chainFingerprints: [],
      }),
    ];
    const out = processTile(Buffer.concat(entries), 100, new Watchlist(["shop.example.com"]));
    expect(out.sightings).toHaveLength(2);
    const [p, c] = out.sightings;
    expect(p!.tbsSha256).toEqual(c!.tbsSha256);
    expect(p!.tbsSha256).toEqual(sha256(preTbs));
    expect(c!.certSha256).toEqual(sha256(final));
    expect(c).toMatchObject({
      index: 101,
      precert: false,
      serial: "c0ffee",
      ipAddresses: ["192.0.2.7"],
      issuerKeyHash: null,
    });
    expect(c!.issuer).toBe("CN=Pipeline Test CA");
  });

  it("processes the same certificates as RFC 6962 get-entries items", async () => {
    const { final, preTbs } = await certPair();
    const items = [
      { leafInput: encodeLeafInput({ entryType: "x509", certDer: final, timestamp: 5 }) },
      {
        leafInput: encodeLeafInput({
          entryType: "precert",
          issuerKeyHash: Buffer.alloc(32),
          tbsDer: preTbs,
          timestamp: 6,
        }),
      },
      { leafInput: Uint8Array.of(0, 0, 1, 2, 3) },
    ];
    const out = processRfc6962Entries(items, 40, new Watchlist([".example.com"]));
    expect(out.count).toBe(3);
    expect(out.sightings.map((s) => s.index)).toEqual([40, 41]);
    expect(out.sightings[0]!.tbsSha256).toEqual(out.sightings[1]!.tbsSha256);
    expect(out.malformed).toEqual([{ index: 42, reason: expect.stringMatching(/Malformed CT data/) }]);
    expect(out.leafHashes.subarray(64)).toEqual(sha256(Uint8Array.of(0, 0, 0, 1, 2, 3)));
  });
});

describe("processRfc6962Entries on real entries", () => {
  it("finds mail.google.com among the 2013 entries and hashes them to the computed root", () => {
    const four = fixtureJson("rfc6962/ctgo_scanner_2013_four_entries_get-entries.json").entries;
    const out = processRfc6962Entries(
      four.map((e: { leaf_input: string }) => ({ leafInput: b64(e.leaf_input) })),
      0,
      new Watchlist(["mail.google.com"]),
    );
    expect(out.sightings.map((s) => s.dnsNames)).toContainEqual(expect.arrayContaining(["mail.google.com"]));
    const tree = new CompactTree();
    tree.appendPacked(out.leafHashes);
    expect(tree.root().toString("base64")).toMatch(/^A26tmgca/);
  });

  it("matches the Argon2026h1 precert for drvpn.cdm.ge", () => {
    const f = fixtureJson("rfc6962/argon2026h1_inclusion_proof_1234567890.json");
    const out = processRfc6962Entries(
      [{ leafInput: b64(f.leaf_input) }],
      f.leaf_index,
      new Watchlist([".cdm.ge"]),
    );
    expect(out.sightings[0]).toMatchObject({
      index: 1234567890,
      precert: true,
      issuer: "CN=R13, O=Let's Encrypt, C=US",
    });
  });

  it("fails safe: an unparsable SAN extension matches every watch item", () => {
    const leaf = parseDataTile(navigliDataTile("000"))[1]!;
    if (leaf.entry.entryType !== "precert") throw new Error("expected precert");
    const tbs = Buffer.from(leaf.entry.tbsDer);
    const san = tbs.indexOf(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x11]));
    const octet = tbs.indexOf(0x04, san + 5);
    tbs[octet + 3] = 0x05; // corrupt the GeneralNames length inside the extnValue
    const item = { leafInput: encodeLeafInput({ ...leaf.entry, tbsDer: tbs }) };
    const out = processRfc6962Entries([item], 0, new Watchlist(["unrelated.example"]));
    expect(out.sightings[0]?.dnsNames).toContain("<unparsable>");
  });
});

describe("describeCertificate", () => {
  it("gives all facts of a certificate and its precert TBS, with one dedup key", async () => {
    const { final, preTbs } = await certPair();
    const cert = describeCertificate(final);
    expect(cert).toMatchObject({
      commonNames: ["shop.example.com"],
      dnsNames: ["shop.example.com"],
      ipAddresses: ["192.0.2.7"],
      subject: "CN=shop.example.com",
      issuer: "CN=Pipeline Test CA",
      serial: "c0ffee",
    });
    expect(cert.notBefore?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(describeCertificate(preTbs, "tbs").tbsSha256).toEqual(cert.tbsSha256);
    expect(() => describeCertificate(preTbs)).toThrow(CertwatchError);
  });
});

describe("processTile with a giant entry", () => {
  it("hashes entries larger than the reusable scratch buffer correctly", () => {
    const te = encodeTimestampedEntry({
      entryType: "x509",
      certDer: new Uint8Array(1_100_000),
      timestamp: 3,
    });
    const tile = encodeTileLeaf({ timestampedEntry: te, preCertificate: null, chainFingerprints: [] });
    const out = processTile(tile, 0, new Watchlist(["."]));
    expect(out.leafHashes).toEqual(sha256(Buffer.concat([Uint8Array.of(0, 0, 0), te])));
    expect(out.malformed).toHaveLength(1);
  });
});
