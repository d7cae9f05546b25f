import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTlv } from "@/lib/x509/der";
import { decodeOid, decodeTime, integerHex, normalizeSerialHex } from "./der-values";

const tlv = (bytes: number[]) => {
  const buf = Uint8Array.from(bytes);
  return { buf, t: readTlv(buf, 0)! };
};
const time = (tag: number, s: string) => tlv([tag, s.length, ...Buffer.from(s, "latin1")]);

describe("der values", () => {
  it("decodes UTCTime around the 1950/2049 pivot and GeneralizedTime with fractions", () => {
    const a = time(0x17, "491231235959Z");
    expect(decodeTime(a.buf, a.t)?.toISOString()).toBe("2049-12-31T23:59:59.000Z");
    const b = time(0x17, "500101000000Z");
    expect(decodeTime(b.buf, b.t)?.toISOString()).toBe("1950-01-01T00:00:00.000Z");
    const c = time(0x18, "20260315120000.25Z");
    expect(decodeTime(c.buf, c.t)?.toISOString()).toBe("2026-03-15T12:00:00.250Z");
  });

  it("rejects impossible dates and non-UTC forms", () => {
    for (const s of ["20260230120000Z", "20261301000000Z", "20260101000000+0100", "2026010100000Z"]) {
      const x = time(0x18, s);
      expect(decodeTime(x.buf, x.t)).toBeNull();
    }
  });

  it("decodes OIDs, including large arcs", () => {
    const sha256Rsa = tlv([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]);
    expect(decodeOid(sha256Rsa.buf, sha256Rsa.t)).toBe("1.2.840.113549.1.1.11");
    const truncated = tlv([0x06, 0x02, 0x2a, 0x86]);
    expect(decodeOid(truncated.buf, truncated.t)).toBeNull();
  });

  it("normalises serials so leading zeros and case do not matter", () => {
    expect(normalizeSerialHex("00AB")).toBe("ab");
    expect(normalizeSerialHex("0")).toBe("0");
    const i = tlv([0x02, 0x03, 0x00, 0x80, 0x01]);
    expect(integerHex(i.buf, i.t)).toBe("8001");
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.constantFrom(0x02, 0x06, 0x17, 0x18), (body, tag) => {
        const buf = Uint8Array.from([tag, body.length, ...body]);
        const t = readTlv(buf, 0)!;
        decodeOid(buf, t);
        decodeTime(buf, t);
        integerHex(buf, t);
      }),
    );
  });
});
