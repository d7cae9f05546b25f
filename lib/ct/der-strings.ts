import { TAG } from "./der";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true });

/** Decodes an X.500 DirectoryString-like value; null when the bytes do not fit the declared type. */
export function decodeDerString(buf: Uint8Array, tag: number, s: number, e: number): string | null {
  try {
    switch (tag) {
      case TAG.UTF8:
        return isAsciiAt(buf, s, e) ? latin1At(buf, s, e) : utf8.decode(buf.subarray(s, e));
      case TAG.PRINTABLE:
      case TAG.IA5:
      case TAG.VISIBLE:
      case TAG.T61:
        // T.61 is close enough to Latin-1 for names; IA5/Printable with high bytes are read the same way.
        return latin1At(buf, s, e);
      case TAG.BMP:
        return (e - s) % 2 === 0 ? utf16be.decode(buf.subarray(s, e)) : null;
      case TAG.UNIVERSAL:
        return decodeUtf32be(buf.subarray(s, e));
      default:
        return null;
    }
  } catch {
    return null;
  }
}

export function isAsciiAt(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i]! > 0x7f) return false;
  return true;
}

/** Latin-1 text of buf[s..e) without copying the bytes first. */
export function latin1At(b: Uint8Array, s: number, e: number): string {
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);
  return buf.toString("latin1", s, e);
}

function decodeUtf32be(b: Uint8Array): string | null {
  if (b.length % 4 !== 0) return null;
  let out = "";
  for (let i = 0; i < b.length; i += 4) {
    const cp = ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
  }
  return out;
}

function digits(buf: Uint8Array, s: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = buf[s + i]! - 0x30;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ) as a Date; null if not DER-shaped. */
export function parseDerTime(buf: Uint8Array, tag: number, s: number, e: number): Date | null {
  let year: number;
  let p: number;
  if (tag === TAG.UTC_TIME && e - s === 13) {
    const yy = digits(buf, s, 2);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    p = s + 2;
  } else if (tag === TAG.GENERALIZED_TIME && e - s === 15) {
    year = digits(buf, s, 4);
    p = s + 4;
  } else return null;
  if (buf[e - 1] !== 0x5a) return null;
  const mo = digits(buf, p, 2);
  const d = digits(buf, p + 2, 2);
  const h = digits(buf, p + 4, 2);
  const mi = digits(buf, p + 6, 2);
  const sec = digits(buf, p + 8, 2);
  if ([year, mo, d, h, mi, sec].some(Number.isNaN) || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (h > 23 || mi > 59 || sec > 60) return null;
  return new Date(Date.UTC(year, mo - 1, d, h, mi, sec));
}

/** Lower-case hex of a serial, without the sign-padding 0x00 (as openssl and crt.sh print it). */
export function serialHex(buf: Uint8Array, s: number, e: number): string {
  const start = e - s > 1 && buf[s] === 0 && buf[s + 1]! >= 0x80 ? s + 1 : s;
  return Buffer.from(buf.buffer, buf.byteOffset + start, e - start).toString("hex");
}
