import { randomBytes } from "node:crypto";
import { u8, u16, u16List, u24, vec8, vec16 } from "./bytes";
import { CONTENT, EXT, HS, SIGNATURE_ALGORITHMS } from "./constants";

export interface Extension {
  type: number;
  data: Uint8Array;
}

export interface ClientHelloOptions {
  /** client_version (0x0303 for a TLS 1.3 hello; the real versions go in supportedVersions). */
  version: number;
  /** Record-layer version; defaults to 0x0300 for SSLv3 and 0x0301 otherwise (the most tolerated). */
  recordVersion?: number;
  suites: readonly number[];
  /** Omitted when null (IP literal targets). */
  serverName?: string | null;
  /** Compression methods; 1 = DEFLATE. Default [0]. */
  compression?: readonly number[];
  groups?: readonly number[];
  ecPointFormats?: boolean;
  signatureAlgorithms?: readonly number[];
  renegotiationInfo?: boolean;
  alpn?: readonly string[];
  statusRequest?: boolean;
  supportedVersions?: readonly number[];
  /** key_share entries; an empty list asks the server for a HelloRetryRequest naming its group. */
  keyShares?: readonly { group: number; key: Uint8Array }[];
  extendedMasterSecret?: boolean;
  sessionTicket?: boolean;
  /** RFC 7685 padding to 512 bytes (works around servers that hang on 256–511-byte hellos). */
  padding?: boolean;
  /** Extra extensions appended verbatim (browser profiles). */
  extra?: readonly Extension[];
  random?: Uint8Array;
  sessionId?: Uint8Array;
}

function ext(type: number, data: Uint8Array): Extension {
  return { type, data };
}

function sniExtension(name: string): Extension {
  const host = Buffer.from(name, "ascii");
  return ext(EXT.serverName, vec16(Buffer.concat([u8(0), vec16(host)])));
}

function alpnExtension(protocols: readonly string[]): Extension {
  return ext(EXT.alpn, vec16(Buffer.concat(protocols.map((p) => vec8(Buffer.from(p, "ascii"))))));
}

function keyShareExtension(shares: readonly { group: number; key: Uint8Array }[]): Extension {
  return ext(
    EXT.keyShare,
    vec16(Buffer.concat(shares.map((s) => Buffer.concat([u16(s.group), vec16(s.key)])))),
  );
}

function extensionsFor(o: ClientHelloOptions): Extension[] {
  const list: Extension[] = [];
  if (o.serverName) list.push(sniExtension(o.serverName));
  if (o.statusRequest) list.push(ext(EXT.statusRequest, Buffer.from([1, 0, 0, 0, 0])));
  if (o.groups?.length) list.push(ext(EXT.supportedGroups, vec16(u16List(o.groups))));
  if (o.ecPointFormats ?? true) list.push(ext(EXT.ecPointFormats, Buffer.from([1, 0])));
  if (o.version >= 0x0303) {
    list.push(ext(EXT.signatureAlgorithms, vec16(u16List(o.signatureAlgorithms ?? SIGNATURE_ALGORITHMS))));
  }
  if (o.alpn?.length) list.push(alpnExtension(o.alpn));
  if (o.extendedMasterSecret) list.push(ext(EXT.extendedMasterSecret, Buffer.alloc(0)));
  if (o.sessionTicket) list.push(ext(EXT.sessionTicket, Buffer.alloc(0)));
  if (o.supportedVersions?.length) {
    list.push(ext(EXT.supportedVersions, vec8(u16List(o.supportedVersions))));
    list.push(ext(EXT.pskKeyExchangeModes, Buffer.from([1, 1])));
  }
  if (o.keyShares) list.push(keyShareExtension(o.keyShares));
  list.push(...(o.extra ?? []));
  if (o.renegotiationInfo ?? true) list.push(ext(EXT.renegotiationInfo, Buffer.from([0])));
  return list;
}

function encodeExtensions(list: readonly Extension[]): Buffer {
  return Buffer.concat(list.map((e) => Buffer.concat([u16(e.type), vec16(e.data)])));
}

/** The ClientHello handshake body (without the 4-byte handshake header). */
export function clientHelloBody(o: ClientHelloOptions): Buffer {
  const head = Buffer.concat([
    u16(o.version),
    Buffer.from(o.random ?? randomBytes(32)),
    vec8(o.sessionId ?? Buffer.alloc(0)),
    vec16(u16List(o.suites)),
    vec8(Buffer.from(o.compression ?? [0])),
  ]);
  // SSLv3 servers predate extensions; some choke on them.
  if (o.version < 0x0301) return head;
  const list = extensionsFor(o);
  let exts = encodeExtensions(list);
  // Handshake header (4) + head + extensions length (2): pad the message into [512, ...).
  const size = 4 + head.length + 2 + exts.length;
  if (o.padding && size >= 256 && size < 512) {
    const pad = Math.max(0, 512 - size - 4);
    exts = Buffer.concat([exts, u16(EXT.padding), vec16(Buffer.alloc(pad))]);
  }
  return Buffer.concat([head, vec16(exts)]);
}

/** Wrap a handshake message into records of at most 16 KiB. */
export function handshakeRecords(type: number, body: Uint8Array, recordVersion: number): Buffer {
  const msg = Buffer.concat([u8(type), u24(body.length), body]);
  const out: Buffer[] = [];
  for (let i = 0; i < msg.length; i += 16_384) {
    const frag = msg.subarray(i, i + 16_384);
    out.push(Buffer.concat([u8(CONTENT.handshake), u16(recordVersion), vec16(frag)]));
  }
  return Buffer.concat(out);
}

export function buildClientHello(o: ClientHelloOptions): Buffer {
  const recordVersion = o.recordVersion ?? (o.version <= 0x0300 ? 0x0300 : 0x0301);
  return handshakeRecords(HS.clientHello, clientHelloBody(o), recordVersion);
}

/** A random X25519 public value: never used to finish a handshake, only to get a ServerHello. */
export function x25519Share(): { group: number; key: Uint8Array } {
  return { group: 0x001d, key: randomBytes(32) };
}
