import { ByteReader } from "./bytes";
import { EXT, HRR_RANDOM } from "./constants";

export interface ServerHello {
  /** The negotiated version: supported_versions when present, else the legacy field. */
  version: number;
  legacyVersion: number;
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuite: number;
  compression: number;
  extensionTypes: number[];
  helloRetryRequest: boolean;
  /** key_share group (ServerHello) or selected_group (HelloRetryRequest). */
  keyShareGroup: number | null;
  secureRenegotiation: boolean;
  alpn: string | null;
}

function readAlpn(data: ByteReader): string | null {
  const list = data.vec(2);
  if (list.remaining === 0) return null;
  return Buffer.from(list.vec(1).rest()).toString("latin1");
}

export function parseServerHello(body: Uint8Array): ServerHello {
  const r = new ByteReader(body, "ServerHello");
  const legacyVersion = r.u16();
  const random = r.bytes(32);
  const sessionId = r.vec(1).rest();
  const cipherSuite = r.u16();
  const compression = r.u8();
  const helloRetryRequest = Buffer.from(random).equals(HRR_RANDOM);
  const out: ServerHello = {
    version: legacyVersion,
    legacyVersion,
    random,
    sessionId,
    cipherSuite,
    compression,
    extensionTypes: [],
    helloRetryRequest,
    keyShareGroup: null,
    secureRenegotiation: false,
    alpn: null,
  };
  if (r.remaining === 0) return out;
  const exts = r.vec(2);
  while (exts.remaining > 0) {
    const type = exts.u16();
    const data = exts.vec(2);
    out.extensionTypes.push(type);
    applyExtension(out, type, data);
  }
  return out;
}

function applyExtension(out: ServerHello, type: number, data: ByteReader): void {
  if (type === EXT.supportedVersions) out.version = data.u16();
  else if (type === EXT.keyShare) out.keyShareGroup = data.u16();
  else if (type === EXT.renegotiationInfo) out.secureRenegotiation = true;
  else if (type === EXT.alpn) out.alpn = readAlpn(data);
}
