import { randomBytes } from "node:crypto";
import { u16, vec8, vec16 } from "./bytes";
import { type Extension, handshakeRecords } from "./client-hello";
import { HS } from "./constants";

export interface ServerHelloSpec {
  version: number;
  suite: number;
  compression?: number;
  random?: Uint8Array;
  extensions?: readonly Extension[];
}

/** Records of a ServerHello: for fake servers in tests and for round-trip checks of the parser. */
export function buildServerHello(o: ServerHelloSpec): Buffer {
  const exts = o.extensions ?? [];
  const body = Buffer.concat([
    u16(Math.min(o.version, 0x0303)),
    Buffer.from(o.random ?? randomBytes(32)),
    vec8(randomBytes(32)),
    u16(o.suite),
    Buffer.from([o.compression ?? 0]),
    exts.length
      ? vec16(Buffer.concat(exts.map((e) => Buffer.concat([u16(e.type), vec16(e.data)]))))
      : Buffer.alloc(0),
  ]);
  return handshakeRecords(HS.serverHello, body, Math.min(o.version, 0x0303));
}

/** A handshake record carrying an empty message of `type` (e.g. ServerHelloDone). */
export function emptyHandshake(type: number, version: number): Buffer {
  return handshakeRecords(type, Buffer.alloc(0), version);
}

export function alertRecord(description: number, version = 0x0303): Buffer {
  return Buffer.from([21, version >> 8, version & 0xff, 0, 2, 2, description]);
}
