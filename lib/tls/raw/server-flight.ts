import type { CipherSuite } from "../suites";
import { ByteReader } from "./bytes";
import { HS } from "./constants";

/** What the plaintext TLS ≤ 1.2 server flight reveals after the ServerHello. */
export interface ServerFlight {
  /** DER certificates, leaf first (empty when no Certificate message was seen). */
  certificates: Uint8Array[];
  /** Prime size of ephemeral (or export/anonymous) DH parameters. */
  dhBits: number | null;
  /** Named curve of an ECDHE ServerKeyExchange. */
  ecGroup: number | null;
  /** Modulus size of a temporary RSA export key. */
  exportRsaBits: number | null;
  clientCertRequested: boolean;
  /** A CertificateStatus (OCSP staple) message was sent. */
  stapled: boolean;
  complete: boolean;
}

export function emptyFlight(): ServerFlight {
  return {
    certificates: [],
    dhBits: null,
    ecGroup: null,
    exportRsaBits: null,
    clientCertRequested: false,
    stapled: false,
    complete: false,
  };
}

/** Bit length of a big-endian unsigned integer. */
export function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

function parseCertificates(body: Uint8Array): Uint8Array[] {
  const list = new ByteReader(body, "Certificate message").vec(3);
  const out: Uint8Array[] = [];
  while (list.remaining > 0 && out.length < 20) out.push(list.vec(3).rest());
  return out;
}

function parseKeyExchange(body: Uint8Array, suite: CipherSuite | null, flight: ServerFlight): void {
  const r = new ByteReader(body, "ServerKeyExchange");
  if (suite?.authentication === "PSK") r.vec(2); // psk_identity_hint comes first
  const kx = suite?.keyExchange;
  if (kx === "ECDHE" || kx === "ECDH_anon") {
    if (r.u8() === 3) flight.ecGroup = r.u16();
  } else if (kx === "DHE" || kx === "DH_anon") {
    flight.dhBits = bitLength(r.vec(2).rest());
  } else if (kx === "RSA" && suite?.export) {
    flight.exportRsaBits = bitLength(r.vec(2).rest());
  }
}

/** Fold one handshake message into the flight; returns true at ServerHelloDone. */
export function absorbFlightMessage(
  type: number,
  body: Uint8Array,
  suite: CipherSuite | null,
  flight: ServerFlight,
): boolean {
  if (type === HS.certificate) flight.certificates = parseCertificates(body);
  else if (type === HS.serverKeyExchange) parseKeyExchange(body, suite, flight);
  else if (type === HS.certificateRequest) flight.clientCertRequested = true;
  else if (type === HS.certificateStatus) flight.stapled = true;
  else if (type === HS.serverHelloDone) flight.complete = true;
  return flight.complete;
}
