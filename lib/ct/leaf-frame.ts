import { malformed, type TlsReader } from "./tls-reader";

/**
 * Offsets of one entry inside a data tile, filled in place: the hot path reads fields through offsets
 * instead of creating a view per field (readTileLeaf is the friendlier, slower twin).
 */
export class LeafFrame {
  timestamp = 0;
  precert = false;
  /** TimestampedEntry bytes (what the leaf hash covers). */
  teStart = 0;
  teEnd = 0;
  /** Certificate DER (x509) or TBSCertificate DER (precert). */
  derStart = 0;
  derEnd = 0;
  issuerKeyHashStart = -1;
}

export function frameTileLeaf(r: TlsReader, f: LeafFrame): void {
  f.teStart = r.pos;
  f.timestamp = r.u64("timestamp");
  const type = r.u16("entry_type");
  if (type === 0) {
    f.precert = false;
    f.issuerKeyHashStart = -1;
  } else if (type === 1) {
    f.precert = true;
    f.issuerKeyHashStart = r.skip(32, "issuer_key_hash");
  } else throw malformed(`unknown entry_type ${type}`);
  f.derStart = r.skipOpaque(3, f.precert ? "precert TBSCertificate" : "x509 certificate");
  f.derEnd = r.pos;
  r.skipOpaque(2, "extensions");
  f.teEnd = r.pos;
  if (f.precert) r.skipOpaque(3, "pre_certificate");
  const fp = r.skipOpaque(2, "certificate_chain fingerprints");
  if ((r.pos - fp) % 32 !== 0) throw malformed("fingerprint list length is not a multiple of 32");
}
