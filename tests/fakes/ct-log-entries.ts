// Log entries for the fake CT logs: from certificates the tests issue, or the real Navigli tiles.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  encodeExtraData,
  encodeLeafInput,
  encodeTileLeaf,
  encodeTimestampedEntry,
  iterateDataTile,
  leafHashOfTimestampedEntry,
  leafIndexExtension,
} from "@/lib/ct";
import { locateCertificateTbs } from "@/lib/ct/der-walker";

/** One entry in both wire forms; which form a log serves decides its leaf hash (extensions differ). */
export interface FakeEntry {
  timestampedEntry: Buffer;
  /** RFC 6962 get-entries fields. */
  leafInput: Buffer;
  extraData: Buffer;
  /** static-ct-api TileLeaf. */
  tileLeaf: Buffer;
  leafHash: Buffer;
  /** Offset in timestampedEntry of a byte inside the certificate (flipped by the tamper knob). */
  tamperAt: number;
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest();

function build(
  signed: Parameters<typeof encodeTimestampedEntry>[0],
  opts: { static: boolean; index: number; preCertificate: Buffer | null; chain: Buffer[] },
): FakeEntry {
  const extensions = opts.static ? leafIndexExtension(opts.index) : Buffer.alloc(0);
  const timestampedEntry = encodeTimestampedEntry({ ...signed, extensions });
  const extraData =
    signed.entryType === "x509"
      ? encodeExtraData({ entryType: "x509", chain: opts.chain })
      : encodeExtraData({ entryType: "precert", preCertificate: opts.preCertificate!, chain: opts.chain });
  return {
    timestampedEntry,
    leafInput: encodeLeafInput({ ...signed, extensions }),
    extraData,
    tileLeaf: encodeTileLeaf({
      timestampedEntry,
      preCertificate: opts.preCertificate,
      chainFingerprints: opts.chain.map(sha256),
    }),
    leafHash: leafHashOfTimestampedEntry(timestampedEntry),
    tamperAt: timestampedEntry.length - 2 - extensions.length - 8,
  };
}

export interface EntryOptions {
  static?: boolean;
  index?: number;
  timestamp?: number;
  chain?: Buffer[];
}

/** An x509_entry for a certificate (DER), with its chain. */
export function x509Entry(certDer: Buffer, o: EntryOptions = {}): FakeEntry {
  return build(
    { entryType: "x509", certDer, timestamp: o.timestamp ?? Date.now() },
    { static: !!o.static, index: o.index ?? 0, preCertificate: null, chain: o.chain ?? [] },
  );
}

/**
 * A precert_entry whose TBS equals the certificate's (our test certificates carry no SCT list, so the
 * final certificate's TBS already is in precert form): both entries then share one tbsSha256.
 */
export function precertEntryFor(certDer: Buffer, issuerSpkiDer: Buffer, o: EntryOptions = {}): FakeEntry {
  const L = locateCertificateTbs(certDer);
  const tbsDer = certDer.subarray(L.tbsStart, L.tbsEnd);
  return build(
    {
      entryType: "precert",
      issuerKeyHash: sha256(issuerSpkiDer),
      tbsDer,
      timestamp: o.timestamp ?? Date.now(),
    },
    { static: !!o.static, index: o.index ?? 0, preCertificate: certDer, chain: o.chain ?? [] },
  );
}

const NAVIGLI = path.resolve(process.cwd(), "../shared/fixtures/ct/static-ct/navigli2025h2/tile/data");

/** The 1,024 real Navigli 2025h2 entries (precerts of Let's Encrypt staging), as static-ct leaves. */
export function navigliEntries(): FakeEntry[] {
  const out: FakeEntry[] = [];
  for (const name of ["000", "001", "002", "003"]) {
    for (const leaf of iterateDataTile(readFileSync(path.join(NAVIGLI, name)))) {
      const te = Buffer.from(leaf.timestampedEntry);
      const pre = leaf.preCertificate ? Buffer.from(leaf.preCertificate) : null;
      out.push({
        timestampedEntry: te,
        leafInput: Buffer.concat([Uint8Array.of(0, 0), te]),
        extraData: encodeExtraData(
          pre ? { entryType: "precert", preCertificate: pre, chain: [] } : { entryType: "x509", chain: [] },
        ),
        tileLeaf: encodeTileLeaf({
          timestampedEntry: te,
          preCertificate: pre,
          chainFingerprints: leaf.chainFingerprints.map((f) => Buffer.from(f)),
        }),
        leafHash: leafHashOfTimestampedEntry(te),
        tamperAt: te.length - 40,
      });
    }
  }
  return out;
}

/** A copy of the entry with one certificate byte flipped: what a misbehaving log might serve. */
export function tampered(e: FakeEntry): FakeEntry {
  const te = Buffer.from(e.timestampedEntry);
  te[e.tamperAt] = te[e.tamperAt]! ^ 0x01;
  const delta = te.length - e.timestampedEntry.length;
  const tileLeaf = Buffer.concat([te, e.tileLeaf.subarray(e.timestampedEntry.length + delta)]);
  return { ...e, timestampedEntry: te, leafInput: Buffer.concat([Uint8Array.of(0, 0), te]), tileLeaf };
}
