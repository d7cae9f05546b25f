import { createHash } from "node:crypto";
import { readTimestampedEntry, type TimestampedEntry } from "./rfc6962-entry";
import { malformed, TlsReader } from "./tls-reader";

/** One static-ct-api TileLeaf: a TimestampedEntry plus what the log stored to rebuild the chain. */
export interface TileLeaf {
  entry: TimestampedEntry;
  /** The exact TimestampedEntry bytes; the leaf hash is computed over these. */
  timestampedEntry: Uint8Array;
  /** The poisoned precertificate (precert entries only). */
  preCertificate: Uint8Array | null;
  /** SHA-256 fingerprints of the chain, one 32-byte view each (fetch them from `<mon>/issuer/<hex>`). */
  chainFingerprints: Uint8Array[];
}

/** A full data tile holds 256 leaves; more means the bytes are not a tile. */
export const MAX_TILE_WIDTH = 256;
const LEAF_PREFIX = Buffer.from([0x00, 0x00, 0x00]);

export function readTileLeaf(r: TlsReader): TileLeaf {
  const start = r.pos;
  const entry = readTimestampedEntry(r);
  const timestampedEntry = r.buf.subarray(start, r.pos);
  const preCertificate = entry.entryType === "precert" ? r.opaque(3, "pre_certificate") : null;
  const fps = r.opaque(2, "certificate_chain fingerprints");
  if (fps.length % 32 !== 0) throw malformed(`fingerprint list length ${fps.length} is not a multiple of 32`);
  const chainFingerprints: Uint8Array[] = [];
  for (let i = 0; i < fps.length; i += 32) chainFingerprints.push(fps.subarray(i, i + 32));
  return { entry, timestampedEntry, preCertificate, chainFingerprints };
}

/** Iterates the leaves of a data tile (full or partial), validating framing as it goes. */
export function* iterateDataTile(buf: Uint8Array, maxEntries = MAX_TILE_WIDTH): Generator<TileLeaf> {
  const r = new TlsReader(buf);
  let n = 0;
  while (r.remaining > 0) {
    if (n++ >= maxEntries) throw malformed(`data tile holds more than ${maxEntries} entries`);
    yield readTileLeaf(r);
  }
}

export function parseDataTile(buf: Uint8Array, maxEntries = MAX_TILE_WIDTH): TileLeaf[] {
  return [...iterateDataTile(buf, maxEntries)];
}

/** RFC 6962 leaf hash of a static-ct entry: SHA-256(0x00 ‖ MerkleTreeLeaf{v1, timestamped_entry}). */
export function leafHashOfTimestampedEntry(timestampedEntry: Uint8Array): Buffer {
  return createHash("sha256").update(LEAF_PREFIX).update(timestampedEntry).digest();
}
