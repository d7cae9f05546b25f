import { CertwatchError } from "@/lib/errors";

/** The one error every CT parser throws for bad bytes, so callers can classify untrusted input. */
export function malformed(what: string, hint: string | null = null): CertwatchError {
  return new CertwatchError("CT_MALFORMED", `Malformed CT data: ${what}`, hint);
}

/**
 * A bounds-checked cursor over TLS presentation-language structures (RFC 8446 §3).
 * Opaque reads return subarray views (no copies) so the hot path stays allocation-light.
 */
export class TlsReader {
  readonly buf: Uint8Array;
  pos: number;
  readonly end: number;

  constructor(buf: Uint8Array, start = 0, end = buf.length) {
    if (start < 0 || end > buf.length || start > end) throw malformed("reader range out of bounds");
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number, what: string): number {
    const at = this.pos;
    if (n > this.end - at) throw malformed(`${what} needs ${n} bytes at offset ${at}, ${this.end - at} left`);
    this.pos = at + n;
    return at;
  }

  u8(what = "uint8"): number {
    return this.buf[this.need(1, what)]!;
  }

  u16(what = "uint16"): number {
    const p = this.need(2, what);
    return (this.buf[p]! << 8) | this.buf[p + 1]!;
  }

  u24(what = "uint24"): number {
    const p = this.need(3, what);
    return (this.buf[p]! << 16) | (this.buf[p + 1]! << 8) | this.buf[p + 2]!;
  }

  private uN(n: number, what: string): number {
    const p = this.need(n, what);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + this.buf[p + i]!;
    if (v > Number.MAX_SAFE_INTEGER) throw malformed(`${what} exceeds 2^53`);
    return v;
  }

  u40(what = "uint40"): number {
    return this.uN(5, what);
  }

  /** uint64 as a JS number; values above 2^53 (never real timestamps or tree sizes) are rejected. */
  u64(what = "uint64"): number {
    return this.uN(8, what);
  }

  skip(n: number, what = "bytes"): number {
    return this.need(n, what);
  }

  bytes(n: number, what = "bytes"): Uint8Array {
    const p = this.need(n, what);
    return this.buf.subarray(p, p + n);
  }

  /** opaque<lenBytes>: a length prefix of 1–3 bytes followed by that many bytes. */
  opaque(lenBytes: 1 | 2 | 3, what = "opaque"): Uint8Array {
    const n = lenBytes === 1 ? this.u8(what) : lenBytes === 2 ? this.u16(what) : this.u24(what);
    return this.bytes(n, what);
  }

  /** Start offset of an opaque<lenBytes> body, advancing past it; avoids creating a view. */
  skipOpaque(lenBytes: 1 | 2 | 3, what = "opaque"): number {
    const n = lenBytes === 1 ? this.u8(what) : lenBytes === 2 ? this.u16(what) : this.u24(what);
    return this.need(n, what);
  }

  expectEnd(what: string): void {
    if (this.pos !== this.end) throw malformed(`${this.end - this.pos} trailing bytes after ${what}`);
  }
}
