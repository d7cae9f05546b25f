import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { TlsReader } from "./tls-reader";

describe("TlsReader", () => {
  it("reads big-endian integers of every width", () => {
    const r = new TlsReader(
      Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0x1d, 14, 15, 16, 17, 18, 19, 20, 21, 22),
    );
    expect(r.u8()).toBe(1);
    expect(r.u16()).toBe(0x0203);
    expect(r.u24()).toBe(0x040506);
    expect(r.u40()).toBe(0x0708090a0b);
    expect(r.u64()).toBe(0x001d0e0f10111213);
    expect(r.remaining).toBe(3);
  });

  it("reads opaque vectors as views and skips them", () => {
    const r = new TlsReader(Uint8Array.of(0, 2, 0xaa, 0xbb, 1, 0xcc, 0, 0, 1, 0xdd));
    expect([...r.opaque(2)]).toEqual([0xaa, 0xbb]);
    expect([...r.opaque(1)]).toEqual([0xcc]);
    expect(r.skipOpaque(3)).toBe(9);
    r.expectEnd("test");
  });

  it("rejects reads past the end and u64 values beyond 2^53 with CT_MALFORMED", () => {
    expect(() => new TlsReader(Uint8Array.of(0, 5, 1)).opaque(2)).toThrow(CertwatchError);
    expect(() => new TlsReader(new Uint8Array(8).fill(0xff)).u64()).toThrow(/exceeds 2\^53/);
    expect(() => new TlsReader(Uint8Array.of(1), 0, 2)).toThrow(CertwatchError);
    try {
      new TlsReader(Uint8Array.of(1)).u16();
    } catch (e) {
      expect((e as CertwatchError).code).toBe("CT_MALFORMED");
    }
  });

  it("never reads outside its window (property)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.array(fc.integer({ min: 0, max: 6 })),
        (bytes, ops) => {
          const r = new TlsReader(bytes);
          try {
            for (const op of ops) {
              [
                () => r.u8(),
                () => r.u16(),
                () => r.u24(),
                () => r.u40(),
                () => r.u64(),
                () => r.opaque(2),
                () => r.opaque(3),
              ][op]!();
              expect(r.pos).toBeLessThanOrEqual(bytes.length);
            }
          } catch (e) {
            expect(e).toBeInstanceOf(CertwatchError);
          }
        },
      ),
    );
  });
});
