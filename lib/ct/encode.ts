import type { ExtraData, SignedEntry } from "./rfc6962-entry";

/** The building side of CT entries, for fake logs in tests: the inverse of the parsers. */

function uint(n: number, bytes: number): Buffer {
  const b = Buffer.alloc(bytes);
  b.writeUIntBE(n, 0, bytes);
  return b;
}

function opaque(data: Uint8Array, lenBytes: 2 | 3): Buffer {
  return Buffer.concat([uint(data.length, lenBytes), data]);
}

/** A static-ct-api `leaf_index` extension (type 0, uint40). */
export function leafIndexExtension(index: number): Buffer {
  return Buffer.concat([Uint8Array.of(0, 0, 5), uint(index, 5)]);
}

export function encodeTimestampedEntry(
  e: SignedEntry & { timestamp: number; extensions?: Uint8Array },
): Buffer {
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(e.timestamp));
  const signed =
    e.entryType === "x509"
      ? [uint(0, 2), opaque(e.certDer, 3)]
      : [uint(1, 2), Buffer.from(e.issuerKeyHash), opaque(e.tbsDer, 3)];
  return Buffer.concat([ts, ...signed, opaque(e.extensions ?? new Uint8Array(0), 2)]);
}

/** RFC 6962 `leaf_input`: MerkleTreeLeaf v1 / timestamped_entry. */
export function encodeLeafInput(e: SignedEntry & { timestamp: number; extensions?: Uint8Array }): Buffer {
  return Buffer.concat([Uint8Array.of(0, 0), encodeTimestampedEntry(e)]);
}

export function encodeExtraData(x: ExtraData): Buffer {
  const chain = opaque(Buffer.concat(x.chain.map((c) => opaque(c, 3))), 3);
  return x.entryType === "x509" ? chain : Buffer.concat([opaque(x.preCertificate, 3), chain]);
}

/** A TileLeaf: TimestampedEntry ‖ (precert) pre_certificate ‖ chain fingerprints. */
export function encodeTileLeaf(leaf: {
  timestampedEntry: Uint8Array;
  preCertificate: Uint8Array | null;
  chainFingerprints: Uint8Array[];
}): Buffer {
  const parts: Uint8Array[] = [leaf.timestampedEntry];
  if (leaf.preCertificate) parts.push(opaque(leaf.preCertificate, 3));
  parts.push(opaque(Buffer.concat(leaf.chainFingerprints), 2));
  return Buffer.concat(parts);
}
