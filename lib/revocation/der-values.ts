// Hand-read DER values (OIDs, times, integers) for the parts we walk without a schema: large CRLs and
// certificate fields whose exact bytes we must hash. Bounds-checked; malformed input yields null.
import { readTlv, type Tlv } from "@/lib/x509/der";

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  enumerated: 0x0a,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  context0: 0xa0,
} as const;

/** A TLV of the expected tag at `offset` inside `parent` (or the whole buffer), else null. */
export function expectTlv(buf: Uint8Array, offset: number, tag: number, limit = buf.length): Tlv | null {
  const tlv = readTlv(buf, offset);
  return tlv && tlv.tag === tag && tlv.end <= limit ? tlv : null;
}

export function decodeOid(buf: Uint8Array, tlv: Tlv): string | null {
  if (tlv.tag !== TAG.oid || tlv.end <= tlv.start || tlv.end - tlv.start > 64) return null;
  const arcs: number[] = [];
  let value = 0;
  for (let i = tlv.start; i < tlv.end; i++) {
    const b = buf[i]!;
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) return null;
    if (!(b & 0x80)) {
      if (arcs.length === 0)
        arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    } else if (i === tlv.end - 1) return null;
  }
  return arcs.join(".");
}

const DIGITS = /^\d+$/;

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z), as RFC 5280 profiles them. */
export function decodeTime(buf: Uint8Array, tlv: Tlv): Date | null {
  if (tlv.end - tlv.start > 32) return null;
  const text = Buffer.from(buf.subarray(tlv.start, tlv.end)).toString("latin1");
  let m: RegExpExecArray | null;
  let year: number;
  if (tlv.tag === TAG.utcTime) {
    m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text);
    if (!m) return null;
    const yy = Number(m[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (tlv.tag === TAG.generalizedTime) {
    m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d{1,9}))?Z$/.exec(text);
    if (!m) return null;
    year = Number(m[1]);
  } else return null;
  const [month, day, hour, minute] = [m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number];
  const second = m[6] && DIGITS.test(m[6]) ? Number(m[6]) : 0;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 61;
  return valid && date.getUTCDate() === day ? date : null;
}

/** Serial numbers compare as lowercase hex without leading zeros ("00ab" and "AB" are one serial). */
export function normalizeSerialHex(hex: string): string {
  return hex.toLowerCase().replace(/^0+(?=.)/, "");
}

export function integerHex(buf: Uint8Array, tlv: Tlv): string | null {
  if (tlv.tag !== TAG.integer || tlv.end <= tlv.start) return null;
  return normalizeSerialHex(
    Buffer.from(buf.buffer, buf.byteOffset + tlv.start, tlv.end - tlv.start).toString("hex"),
  );
}

/** Small non-negative INTEGER/ENUMERATED (reason codes, salt lengths). */
export function smallInteger(buf: Uint8Array, tlv: Tlv): number | null {
  const len = tlv.end - tlv.start;
  if (len < 1 || len > 4 || buf[tlv.start]! & 0x80) return null;
  let v = 0;
  for (let i = tlv.start; i < tlv.end; i++) v = v * 256 + buf[i]!;
  return v;
}

export interface Item extends Tlv {
  /** Offset of the tag byte: buf.subarray(at, end) is the full encoding. */
  at: number;
}

/** Children of a constructed TLV with their offsets (at most `max`); null when one is malformed. */
export function childrenOf(buf: Uint8Array, parent: Tlv, max = 16): Item[] | null {
  const out: Item[] = [];
  for (let at = parent.start; at < parent.end; ) {
    if (out.length >= max) return null;
    const child = readTlv(buf, at);
    if (!child || child.end > parent.end) return null;
    out.push({ ...child, at });
    at = child.end;
  }
  return out;
}
