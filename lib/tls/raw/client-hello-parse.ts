import { ByteReader } from "./bytes";
import { EXT } from "./constants";

export interface ParsedClientHello {
  version: number;
  random: Uint8Array;
  sessionId: Uint8Array;
  suites: number[];
  compression: number[];
  extensions: { type: number; data: Uint8Array }[];
  serverName: string | null;
  supportedVersions: number[];
  groups: number[];
  alpn: string[];
}

function u16s(r: ByteReader): number[] {
  const out: number[] = [];
  while (r.remaining >= 2) out.push(r.u16());
  return out;
}

function applyExtension(out: ParsedClientHello, type: number, data: Uint8Array): void {
  const r = new ByteReader(data, "ClientHello extension");
  if (type === EXT.serverName) {
    const list = r.vec(2);
    list.u8();
    out.serverName = Buffer.from(list.vec(2).rest()).toString("latin1");
  } else if (type === EXT.supportedVersions) out.supportedVersions = u16s(r.vec(1));
  else if (type === EXT.supportedGroups) out.groups = u16s(r.vec(2));
  else if (type === EXT.alpn) {
    const list = r.vec(2);
    while (list.remaining > 0) out.alpn.push(Buffer.from(list.vec(1).rest()).toString("latin1"));
  }
}

/** Parse a ClientHello handshake body: the other side of the builder, for fakes and round-trip tests. */
export function parseClientHello(body: Uint8Array): ParsedClientHello {
  const r = new ByteReader(body, "ClientHello");
  const out: ParsedClientHello = {
    version: r.u16(),
    random: r.bytes(32),
    sessionId: r.vec(1).rest(),
    suites: u16s(r.vec(2)),
    compression: [...r.vec(1).rest()],
    extensions: [],
    serverName: null,
    supportedVersions: [],
    groups: [],
    alpn: [],
  };
  if (r.remaining === 0) return out;
  const exts = r.vec(2);
  while (exts.remaining > 0) {
    const type = exts.u16();
    const data = exts.vec(2).rest();
    out.extensions.push({ type, data });
    applyExtension(out, type, data);
  }
  return out;
}
