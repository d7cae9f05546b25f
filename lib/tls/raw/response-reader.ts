import { CertwatchError } from "@/lib/errors";
import { suiteByCode } from "../suites";
import { alertName, CONTENT, HS, LIMITS } from "./constants";
import { absorbFlightMessage, emptyFlight, type ServerFlight } from "./server-flight";
import { parseServerHello, type ServerHello } from "./server-hello";
import { notTlsError } from "./sniff";
import { parseSslv2ServerHello, type Sslv2ServerHello, sslv2RecordLength } from "./sslv2";

export type ProbeResponse =
  | { kind: "hello"; hello: ServerHello; flight: ServerFlight | null }
  | { kind: "alert"; level: number; description: number; name: string }
  | { kind: "sslv2"; hello: Sslv2ServerHello };

export interface ReaderMode {
  /** Keep reading the TLS ≤ 1.2 flight up to ServerHelloDone (certificate, key exchange, CertificateRequest). */
  flight?: boolean;
  /** Accept an SSLv2 SERVER-HELLO. */
  sslv2?: boolean;
}

function protocolError(message: string): CertwatchError {
  return new CertwatchError(
    "PROTOCOL_ERROR",
    message,
    "The server's TLS stack sent something no conforming server sends; a middlebox may be interfering.",
  );
}

/** Accumulates a server's bytes (with caps) until the probe's question is answered. Throws CertwatchError only. */
export class ResponseReader {
  private buf = Buffer.alloc(0);
  private hs = Buffer.alloc(0);
  private total = 0;
  private records = 0;
  private hello: ServerHello | null = null;
  private flight: ServerFlight | null = null;

  constructor(private readonly mode: ReaderMode = {}) {}

  /** Feed bytes; returns the answer once known, else null. */
  push(chunk: Uint8Array): ProbeResponse | null {
    this.total += chunk.length;
    if (this.total > LIMITS.maxProbeBytes) {
      throw protocolError(
        `The server sent more than ${LIMITS.maxProbeBytes} bytes without finishing its hello.`,
      );
    }
    this.buf = Buffer.concat([this.buf, chunk]);
    if (this.mode.sslv2 && this.records === 0) {
      const v2 = this.trySslv2();
      if (v2 !== undefined) return v2;
    }
    return this.drainRecords();
  }

  /** The peer closed: return what we have, or null when it said nothing at all. */
  finish(): ProbeResponse | null {
    if (this.hello) return { kind: "hello", hello: this.hello, flight: this.flight };
    if (this.records === 0 && this.buf.length > 0) throw notTlsError(this.buf);
    if (this.buf.length > 0 || this.hs.length > 0) throw protocolError("The server closed mid-record.");
    return null;
  }

  private trySslv2(): ProbeResponse | null | undefined {
    const len = sslv2RecordLength(this.buf);
    if (len === null) return undefined;
    if (this.buf.length < 3) return null;
    const type = this.buf[2];
    if (type !== 4 && type !== 0) return undefined;
    if (this.buf.length < 2 + len) return null;
    const body = this.buf.subarray(2, 2 + len);
    this.records++;
    if (type === 0) return { kind: "alert", level: 2, description: -1, name: "sslv2_error" };
    return { kind: "sslv2", hello: parseSslv2ServerHello(body) };
  }

  private drainRecords(): ProbeResponse | null {
    while (this.buf.length >= 5) {
      const type = this.buf[0]!;
      const known = type >= CONTENT.changeCipherSpec && type <= CONTENT.applicationData && this.buf[1] === 3;
      if (!known)
        throw this.records === 0 ? notTlsError(this.buf) : protocolError(`Unexpected record type ${type}.`);
      const len = this.buf.readUInt16BE(3);
      if (len > LIMITS.maxRecord)
        throw protocolError(`The server sent a ${len}-byte record (limit ${LIMITS.maxRecord}).`);
      if (this.buf.length < 5 + len) return null;
      const frag = this.buf.subarray(5, 5 + len);
      this.buf = this.buf.subarray(5 + len);
      this.records++;
      const done = this.onRecord(type, frag);
      if (done) return done;
    }
    return null;
  }

  private onRecord(type: number, frag: Buffer): ProbeResponse | null {
    if (type === CONTENT.alert) {
      if (frag.length < 2) throw protocolError("The server sent a truncated alert.");
      if (this.hello) return { kind: "hello", hello: this.hello, flight: this.flight };
      return { kind: "alert", level: frag[0]!, description: frag[1]!, name: alertName(frag[1]!) };
    }
    if (type === CONTENT.handshake) {
      this.hs = Buffer.concat([this.hs, frag]);
      return this.drainHandshake();
    }
    if (this.hello) return { kind: "hello", hello: this.hello, flight: this.flight };
    throw protocolError(
      `The server sent a ${type === CONTENT.applicationData ? "data" : "ChangeCipherSpec"} record before its ServerHello.`,
    );
  }

  private drainHandshake(): ProbeResponse | null {
    while (this.hs.length >= 4) {
      const type = this.hs[0]!;
      const len = this.hs.readUIntBE(1, 3);
      if (len > LIMITS.maxHandshakeMessage)
        throw protocolError(`The server sent a ${len}-byte handshake message.`);
      if (this.hs.length < 4 + len) return null;
      const body = this.hs.subarray(4, 4 + len);
      this.hs = this.hs.subarray(4 + len);
      const done = this.onMessage(type, body);
      if (done) return done;
    }
    return null;
  }

  private onMessage(type: number, body: Buffer): ProbeResponse | null {
    if (!this.hello) {
      if (type !== HS.serverHello)
        throw protocolError(`Expected a ServerHello, got handshake message type ${type}.`);
      this.hello = parseServerHello(body);
      const tls13 = this.hello.version >= 0x0304 || this.hello.helloRetryRequest;
      if (!this.mode.flight || tls13) return { kind: "hello", hello: this.hello, flight: null };
      this.flight = emptyFlight();
      return null;
    }
    const suite = suiteByCode(this.hello.cipherSuite);
    if (absorbFlightMessage(type, body, suite, this.flight!)) {
      return { kind: "hello", hello: this.hello, flight: this.flight };
    }
    return null;
  }
}
