import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import type { ClientSimulation } from "@/lib/assessment/types";
import { buildClientHello, type Extension, x25519Share } from "./raw/client-hello";
import { type ClientProfile, REFERENCE_CLIENTS } from "./raw/client-profiles";
import { protocolOfVersion } from "./raw/constants";
import { probe } from "./raw/probe";
import { suiteByCode, suiteLabel } from "./suites";

export type { ClientProfile } from "./raw/client-profiles";
export {
  ANDROID_7,
  CHROME,
  FIREFOX,
  IE11_WIN7,
  JAVA_8,
  REFERENCE_CLIENTS,
  SAFARI,
} from "./raw/client-profiles";

export interface SimulateOptions {
  host: string;
  ip?: string | null;
  port: number;
  /** undefined = host unless it is an IP literal; null = none. */
  sni?: string | null;
  timeoutMs?: number;
  signal?: AbortSignal;
  clients?: readonly ClientProfile[];
}

function grease(): number {
  const b = (randomBytes(1)[0]! & 0xf0) | 0x0a;
  return (b << 8) | b;
}

/** The hello a profile sends: its suites, groups and versions in its order, with a real-sized X25519 share. */
export function profileHello(p: ClientProfile, sni: string | null): Buffer {
  const g = p.grease ? [grease()] : [];
  const tls13 = p.maxVersion === "TLSv1.3";
  const extra: Extension[] = p.grease ? [{ type: grease(), data: Buffer.alloc(0) }] : [];
  return buildClientHello({
    version: 0x0303,
    suites: [...g, ...p.suites],
    serverName: sni,
    groups: [...g, ...p.groups],
    signatureAlgorithms: p.signatureAlgorithms,
    alpn: p.alpn,
    statusRequest: true,
    extendedMasterSecret: true,
    sessionTicket: true,
    supportedVersions: tls13 ? [...g, 0x0304, 0x0303] : undefined,
    keyShares: tls13 ? [...g.map((group) => ({ group, key: Buffer.alloc(1) })), x25519Share()] : undefined,
    sessionId: tls13 ? randomBytes(32) : undefined,
    extra,
    padding: true,
  });
}

async function simulateOne(
  o: SimulateOptions,
  p: ClientProfile,
  sni: string | null,
): Promise<ClientSimulation> {
  const out = await probe(
    { host: o.host, ip: o.ip, port: o.port, timeoutMs: o.timeoutMs ?? 5000, signal: o.signal },
    profileHello(p, sni),
  );
  const failed = {
    client: p.name,
    protocol: null,
    suite: null,
    code: null,
    forwardSecrecy: null,
    aead: null,
  };
  if (out.kind !== "hello") return failed;
  const { version, cipherSuite } = out.hello;
  // A pick the client never offered would abort a real handshake.
  if (!p.suites.includes(cipherSuite)) return failed;
  const suite = suiteByCode(cipherSuite);
  return {
    client: p.name,
    protocol: protocolOfVersion(version),
    suite: suiteLabel(cipherSuite),
    code: suite?.hex ?? null,
    forwardSecrecy: suite?.forwardSecrecy ?? null,
    aead: suite?.aead ?? null,
  };
}

/**
 * Send each reference client's raw hello and record the server's pick (a HelloRetryRequest fixes the suite
 * too). Raw hellos, so a pick Node cannot negotiate (3DES, RC4) is still seen.
 */
export async function simulateClients(o: SimulateOptions): Promise<ClientSimulation[]> {
  const sni = o.sni !== undefined ? o.sni : isIP(o.host) ? null : o.host;
  return Promise.all((o.clients ?? REFERENCE_CLIENTS).map((p) => simulateOne(o, p, sni)));
}
