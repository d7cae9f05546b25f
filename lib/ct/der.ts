import { malformed } from "./tls-reader";

/** Where a DER element sits: reused between reads so the hot path allocates nothing. */
export class DerElement {
  tag = 0;
  /** Offset of the tag byte. */
  start = 0;
  /** Offset of the first content byte. */
  contentStart = 0;
  /** Offset just past the content (and the element). */
  end = 0;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE: 0x1a,
  UNIVERSAL: 0x1c,
  BMP: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/**
 * Reads the DER header at `pos` into `out`, checking that the element fits before `limit`.
 * Only single-byte tags and definite lengths up to 4 bytes: all that X.509 needs.
 */
export function readElement(buf: Uint8Array, pos: number, limit: number, out: DerElement): DerElement {
  if (pos + 2 > limit) throw malformed(`DER element at ${pos} is truncated`);
  const tag = buf[pos]!;
  if ((tag & 0x1f) === 0x1f) throw malformed(`DER high-tag-number form at ${pos}`);
  let len = buf[pos + 1]!;
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw malformed(`DER length form 0x${len.toString(16)} at ${pos}`);
    if (p + n > limit) throw malformed(`DER length at ${pos} is truncated`);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]!;
    p += n;
  }
  if (len > limit - p) throw malformed(`DER element at ${pos} overruns its container`);
  out.tag = tag;
  out.start = pos;
  out.contentStart = p;
  out.end = p + len;
  return out;
}

/** Reads the element at `pos` and requires the given tag. */
export function expectElement(
  buf: Uint8Array,
  pos: number,
  limit: number,
  tag: number,
  out: DerElement,
  what: string,
): DerElement {
  readElement(buf, pos, limit, out);
  if (out.tag !== tag)
    throw malformed(`${what}: expected tag 0x${tag.toString(16)}, got 0x${out.tag.toString(16)}`);
  return out;
}

/** DER length bytes for `n` (minimal form), used when re-encoding a modified TBS. */
export function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** True if buf[s..e) equals the pattern bytes. */
export function bytesEqual(buf: Uint8Array, s: number, e: number, pattern: Uint8Array): boolean {
  if (e - s !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) if (buf[s + i] !== pattern[i]) return false;
  return true;
}

/** Dotted form of an OID's content bytes (for attribute types we do not name). */
export function oidToString(buf: Uint8Array, s: number, e: number): string {
  if (s >= e) throw malformed("empty OID");
  const parts: number[] = [];
  let v = 0;
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    v = v * 128 + (b & 0x7f);
    if (v > Number.MAX_SAFE_INTEGER) throw malformed("OID arc too large");
    if (!(b & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    } else if (i === e - 1) throw malformed("OID ends mid-arc");
  }
  return parts.join(".");
}
