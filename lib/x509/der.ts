// The few hand-read encodings: DER TLVs (TLS Feature) and the TLS-encoded SCT list. Bounds-checked; never throws.

export interface Tlv {
  tag: number;
  /** Offset of the value. */
  start: number;
  /** Offset just past the value. */
  end: number;
}

/** One DER TLV at `offset`, or null when the bytes are truncated or use unsupported lengths. */
export function readTlv(buf: Uint8Array, offset: number): Tlv | null {
  if (offset + 2 > buf.length) return null;
  const tag = buf[offset]!;
  let len = buf[offset + 1]!;
  let start = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > buf.length) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]!;
    start += n;
  }
  const end = start + len;
  return end <= buf.length ? { tag, start, end } : null;
}

/** Children of a constructed TLV (at most `max`); null when one is malformed. */
export function readChildren(buf: Uint8Array, parent: Tlv, max = 64): Tlv[] | null {
  const out: Tlv[] = [];
  let at = parent.start;
  while (at < parent.end) {
    if (out.length >= max) return null;
    const child = readTlv(buf, at);
    if (!child || child.end > parent.end) return null;
    out.push(child);
    at = child.end;
  }
  return out;
}

/** TLS Feature (RFC 7633) contains status_request (5): the certificate demands a stapled OCSP response. */
export function tlsFeatureHasStatusRequest(value: Uint8Array): boolean {
  const seq = readTlv(value, 0);
  if (seq?.tag !== 0x30) return false;
  const items = readChildren(value, seq) ?? [];
  return items.some((i) => i.tag === 0x02 && i.end - i.start === 1 && value[i.start] === 5);
}

const MAX_SCTS = 1_000;

/**
 * Number of SCTs in the RFC 6962 extension value: an OCTET STRING holding a TLS vector
 * `opaque SerializedSCT<1..2^16-1>` list, itself with a 2-byte length. Malformed → 0.
 */
export function countScts(extnValue: Uint8Array): number {
  const outer = readTlv(extnValue, 0);
  if (outer?.tag !== 0x04) return 0;
  const list = extnValue.subarray(outer.start, outer.end);
  if (list.length < 2) return 0;
  const total = (list[0]! << 8) | list[1]!;
  if (total + 2 !== list.length) return 0;
  let count = 0;
  for (let at = 2; at < list.length; ) {
    if (count >= MAX_SCTS) return count;
    if (at + 2 > list.length) return 0;
    const len = (list[at]! << 8) | list[at + 1]!;
    if (len === 0 || at + 2 + len > list.length) return 0;
    at += 2 + len;
    count++;
  }
  return count;
}

/** asn1js limits for certificates we did not make: room for 10,000+ SANs, not for a decompression bomb. */
export const BER_LIMITS = { berOptions: { maxNodes: 200_000, maxDepth: 64, maxContentLength: 1024 * 1024 } };

const MAX_SAN_ENTRIES = 50_000;

/** SubjectAltName (SEQUENCE OF GeneralName) by hand: asn1js needs ~25 µs per entry, this ~0.1 µs. */
export function readSubjectAltNames(value: Uint8Array): { dns: string[]; ip: string[] } | null {
  const seq = readTlv(value, 0);
  if (seq?.tag !== 0x30) return null;
  const names = readChildren(value, seq, MAX_SAN_ENTRIES);
  if (!names) return null;
  const dns: string[] = [];
  const ip: string[] = [];
  for (const n of names) {
    const bytes = value.subarray(n.start, n.end);
    if (n.tag === 0x82) dns.push(Buffer.from(bytes).toString("latin1"));
    else if (n.tag === 0x87) ip.push(formatIp(bytes));
  }
  return { dns, ip };
}

function formatIp(b: Uint8Array): string {
  if (b.length === 4) return b.join(".");
  if (b.length !== 16) return Buffer.from(b).toString("hex");
  const groups = Array.from({ length: 8 }, (_, i) => ((b[2 * i]! << 8) | b[2 * i + 1]!).toString(16));
  return new URL(`http://[${groups.join(":")}]/`).hostname.slice(1, -1);
}
