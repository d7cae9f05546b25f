import { randomBytes } from "node:crypto";
import { ByteReader } from "./bytes";

/** SSLv2 cipher kinds (3-byte codes). */
export const SSLV2_CIPHERS: Record<number, string> = {
  65664: "SSL_CK_RC4_128_WITH_MD5",
  131200: "SSL_CK_RC4_128_EXPORT40_WITH_MD5",
  196736: "SSL_CK_RC2_128_CBC_WITH_MD5",
  262272: "SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5",
  327808: "SSL_CK_IDEA_128_CBC_WITH_MD5",
  393280: "SSL_CK_DES_64_CBC_WITH_MD5",
  458944: "SSL_CK_DES_192_EDE3_CBC_WITH_MD5",
  524416: "SSL_CK_RC4_64_WITH_MD5",
};

export interface Sslv2ServerHello {
  version: number;
  ciphers: number[];
  certificate: Uint8Array | null;
}

/** An SSLv2 CLIENT-HELLO offering every SSLv2 cipher kind. */
export function buildSslv2ClientHello(): Buffer {
  const specs = Buffer.concat(
    Object.keys(SSLV2_CIPHERS).map((k) => {
      const n = Number(k);
      return Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
    }),
  );
  const challenge = randomBytes(16);
  const body = Buffer.concat([
    Buffer.from([1, 0x00, 0x02, 0, specs.length, 0, 0, 0, challenge.length]),
    specs,
    challenge,
  ]);
  return Buffer.concat([Buffer.from([0x80 | (body.length >> 8), body.length & 0xff]), body]);
}

/** Length of an SSLv2 record with a 2-byte header, or null when `buf` does not start with one. */
export function sslv2RecordLength(buf: Uint8Array): number | null {
  if (buf.length < 2 || (buf[0]! & 0x80) === 0) return null;
  return ((buf[0]! & 0x7f) << 8) | buf[1]!;
}

/** Parse an SSLv2 SERVER-HELLO message body (after the 2-byte record header). */
export function parseSslv2ServerHello(body: Uint8Array): Sslv2ServerHello {
  const r = new ByteReader(body, "SSLv2 SERVER-HELLO");
  r.u8(); // message type (4), checked by the caller
  r.u8(); // session id hit
  r.u8(); // certificate type
  const version = r.u16();
  const certLen = r.u16();
  const specLen = r.u16();
  const connIdLen = r.u16();
  const cert = r.bytes(certLen);
  const specs = new ByteReader(r.bytes(specLen - (specLen % 3)), "SSLv2 cipher specs");
  r.bytes(specLen % 3);
  r.bytes(connIdLen);
  const ciphers: number[] = [];
  while (specs.remaining >= 3) ciphers.push((specs.u8() << 16) | specs.u16());
  return { version, ciphers, certificate: certLen > 0 ? cert : null };
}
