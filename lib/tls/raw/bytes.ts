import { CertwatchError } from "@/lib/errors";

/** A bounds-checked cursor over untrusted bytes: every overrun becomes a PROTOCOL_ERROR, never a RangeError. */
export class ByteReader {
  private pos = 0;

  constructor(
    private readonly buf: Uint8Array,
    private readonly what = "TLS message",
  ) {}

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.buf.length) {
      throw new CertwatchError(
        "PROTOCOL_ERROR",
        `The server sent a truncated ${this.what} (needed ${n} more bytes at offset ${this.pos}, have ${this.remaining}).`,
        "The endpoint speaks something TLS-like but malformed; check for a middlebox or a broken TLS stack.",
      );
    }
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  u16(): number {
    this.need(2);
    const v = (this.buf[this.pos]! << 8) | this.buf[this.pos + 1]!;
    this.pos += 2;
    return v;
  }

  u24(): number {
    this.need(3);
    const v = (this.buf[this.pos]! << 16) | (this.buf[this.pos + 1]! << 8) | this.buf[this.pos + 2]!;
    this.pos += 3;
    return v;
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Everything not read yet. */
  rest(): Uint8Array {
    return this.bytes(this.remaining);
  }

  /** A sub-reader over a length-prefixed vector (length field of 1, 2 or 3 bytes). */
  vec(lenBytes: 1 | 2 | 3): ByteReader {
    const n = lenBytes === 1 ? this.u8() : lenBytes === 2 ? this.u16() : this.u24();
    return new ByteReader(this.bytes(n), this.what);
  }
}

/** Length-prefixed vector writer helpers for building hellos. */
export function u8(n: number): Buffer {
  return Buffer.from([n & 0xff]);
}

export function u16(n: number): Buffer {
  return Buffer.from([(n >> 8) & 0xff, n & 0xff]);
}

export function u24(n: number): Buffer {
  return Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
}

export function vec8(body: Uint8Array): Buffer {
  return Buffer.concat([u8(body.length), body]);
}

export function vec16(body: Uint8Array): Buffer {
  return Buffer.concat([u16(body.length), body]);
}

export function vec24(body: Uint8Array): Buffer {
  return Buffer.concat([u24(body.length), body]);
}

export function u16List(values: readonly number[]): Buffer {
  return Buffer.concat(values.map(u16));
}

export function hex4(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
