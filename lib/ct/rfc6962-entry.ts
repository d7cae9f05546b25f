import { malformed, TlsReader } from "./tls-reader";

export type EntryType = "x509" | "precert";

/** The signed part of a log entry (RFC 6962 §3.4): a certificate, or a precert's TBS plus issuer key hash. */
export type SignedEntry =
  | { entryType: "x509"; certDer: Uint8Array }
  | { entryType: "precert"; issuerKeyHash: Uint8Array; tbsDer: Uint8Array };

export type TimestampedEntry = SignedEntry & { timestamp: number; extensions: Uint8Array };

export type ExtraData =
  | { entryType: "x509"; chain: Uint8Array[] }
  | { entryType: "precert"; preCertificate: Uint8Array; chain: Uint8Array[] };

const MAX_CHAIN = 64;

/** Reads a TimestampedEntry at the reader's position (shared by leaf_input and static-ct TileLeaf). */
export function readTimestampedEntry(r: TlsReader): TimestampedEntry {
  const timestamp = r.u64("timestamp");
  const type = r.u16("entry_type");
  if (type === 0) {
    const certDer = r.opaque(3, "x509 certificate");
    return { entryType: "x509", certDer, timestamp, extensions: r.opaque(2, "extensions") };
  }
  if (type === 1) {
    const issuerKeyHash = r.bytes(32, "issuer_key_hash");
    const tbsDer = r.opaque(3, "precert TBSCertificate");
    return { entryType: "precert", issuerKeyHash, tbsDer, timestamp, extensions: r.opaque(2, "extensions") };
  }
  throw malformed(`unknown entry_type ${type}`);
}

/** Parses `leaf_input` from get-entries: a MerkleTreeLeaf v1 holding a timestamped_entry. */
export function parseLeafInput(buf: Uint8Array): TimestampedEntry {
  const r = new TlsReader(buf);
  const version = r.u8("MerkleTreeLeaf version");
  if (version !== 0) throw malformed(`MerkleTreeLeaf version ${version} is not v1 (0)`);
  const leafType = r.u8("MerkleLeafType");
  if (leafType !== 0) throw malformed(`MerkleLeafType ${leafType} is not timestamped_entry (0)`);
  const entry = readTimestampedEntry(r);
  r.expectEnd("MerkleTreeLeaf");
  return entry;
}

function readCertList(r: TlsReader, what: string): Uint8Array[] {
  const start = r.skipOpaque(3, what);
  const inner = new TlsReader(r.buf, start, r.pos);
  const out: Uint8Array[] = [];
  while (inner.remaining > 0) {
    if (out.length >= MAX_CHAIN) throw malformed(`${what} has more than ${MAX_CHAIN} certificates`);
    out.push(inner.opaque(3, "chain certificate"));
  }
  return out;
}

/** Parses `extra_data` (RFC 6962 §4.6): a certificate_chain, or a PrecertChainEntry for precerts. */
export function parseExtraData(buf: Uint8Array, entryType: EntryType): ExtraData {
  const r = new TlsReader(buf);
  if (entryType === "x509") {
    const chain = readCertList(r, "certificate_chain");
    r.expectEnd("certificate_chain");
    return { entryType, chain };
  }
  const preCertificate = r.opaque(3, "pre_certificate");
  const chain = readCertList(r, "precertificate_chain");
  r.expectEnd("PrecertChainEntry");
  return { entryType, preCertificate, chain };
}

/** CtExtensions (static-ct-api): the `leaf_index` extension (type 0, uint40) when present. */
export function parseCtExtensions(ext: Uint8Array): { leafIndex: number | null } {
  const r = new TlsReader(ext);
  let leafIndex: number | null = null;
  while (r.remaining > 0) {
    const type = r.u8("extension_type");
    const data = r.opaque(2, "extension_data");
    if (type === 0) {
      if (leafIndex !== null) throw malformed("duplicate leaf_index extension");
      const d = new TlsReader(data);
      leafIndex = d.u40("leaf_index");
      d.expectEnd("leaf_index");
    }
  }
  return { leafIndex };
}
