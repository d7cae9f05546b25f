// One full node:tls handshake that measures rather than judges: it accepts any certificate (trust is judged
// by lib/x509/chain-facts), offers legacy versions and weak parameters so old servers still yield facts,
// and turns every failure into a classified CertwatchError.
import net from "node:net";
import tls from "node:tls";
import type { ProtocolName } from "@/lib/assessment/types";
import { CertwatchError } from "@/lib/errors";
import type { AddressPolicy } from "@/lib/net/address-policy";
import { sniffBanner } from "@/lib/net/banner";
import { resolveOne } from "@/lib/net/resolve";
import { contextFor } from "@/lib/net/secure-context";
import { classifyTlsError, looksLikeNotTls } from "@/lib/tls/tls-errors";
import { type PeerChain, presentedChain } from "@/lib/x509/peer-chain";

export interface HandshakeOptions {
  host: string;
  port: number;
  /** Address to connect to; defaults to host. */
  ip?: string | null;
  /** Server name to send; defaults to host, and none is sent for an IP-literal host. */
  sni?: string | null;
  /** Private CA bundle: only affects authorizationError (trust is judged by chainFacts). */
  caPem?: string | null;
  /** Covers TCP connect, the handshake and the TLS 1.3 settle wait. */
  timeoutMs?: number;
  requestOcsp?: boolean;
  signal?: AbortSignal;
  /** Checked against the address connected to (resolved here when ip is not given). Default: no metadata. */
  policy?: AddressPolicy;
  // Measurement knobs (client simulations); defaults offer TLS 1.0–1.3 at OpenSSL security level 0.
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
  ecdhCurve?: string;
  sigalgs?: string;
  alpnProtocols?: string[];
  /** TLS 1.3: wait after the handshake for a session ticket or a late alert (client cert); default ~2 RTT. */
  settleMs?: number;
}

export interface HandshakeResult {
  target: { host: string; port: number; ip: string; sni: string | null };
  protocol: ProtocolName | null;
  cipher: { name: string; standardName: string; version: string } | null;
  ephemeralKey: { type: string; name: string | null; size: number | null } | null;
  alpn: string | null;
  /** DER of the certificates exactly as presented, leaf first. */
  chainDer: Buffer[];
  chainTruncated: boolean;
  /** Stapled OCSP response (DER); null when none was stapled or requestOcsp was off. */
  ocspStaple: Buffer | null;
  /** OpenSSL's chain verdict against node's roots (+ caPem), hostname excluded, e.g. CERT_HAS_EXPIRED. */
  authorizationError: string | null;
  durationMs: number;
}

/** CLIENT_CERT_REQUIRED, carrying what was learned before the server refused (its chain, usually). */
export class ClientCertRequiredError extends CertwatchError {
  constructor(
    base: CertwatchError,
    readonly partial: HandshakeResult,
  ) {
    super(base.code, base.message, base.hint, { cause: base.cause });
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** The late alert needs one round trip: wait twice the TCP connect time, within these bounds. */
const SETTLE_MIN_MS = 100;
const SETTLE_MAX_MS = 1_000;
const BANNER_SNIFF_MAX_MS = 2_000;
const MAX_STAPLE_BYTES = 64 * 1024;
const DEFAULT_ALPN = ["h2", "http/1.1"];

interface AttemptState {
  phase: "connect" | "handshake";
  rttMs: number;
  /** TLS ≤ 1.2 derived its master secret: the server got as far as ServerHelloDone. */
  keysDerived: boolean;
  chain: PeerChain | null;
  staple: Buffer | null;
  protocol: string | null;
  result: HandshakeResult | null;
}

class AttemptFailure {
  constructor(
    readonly cause: unknown,
    readonly state: AttemptState,
  ) {}
}

export async function handshake(opts: HandshakeOptions): Promise<HandshakeResult> {
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65_535) {
    throw new CertwatchError(
      "INVALID_PORT",
      `Port ${opts.port} is not a TCP port`,
      "Use a port from 1 to 65535.",
    );
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const ip = await resolveOne(opts.ip || opts.host, { policy: opts.policy, timeoutMs });
  const sni = opts.sni || (net.isIP(opts.host) ? null : opts.host);
  try {
    return await attempt(
      opts,
      { host: opts.host, port: opts.port, ip, sni },
      Math.max(1, deadline - Date.now()),
    );
  } catch (e) {
    if (!(e instanceof AttemptFailure)) throw classifyTlsError(e, { host: opts.host, port: opts.port, ip });
    let banner = null;
    if (looksLikeNotTls(e.cause) && !opts.signal?.aborted) {
      const budget = Math.min(BANNER_SNIFF_MAX_MS, Math.max(250, deadline - Date.now()));
      banner = await sniffBanner({ ip, port: opts.port, host: sni ?? opts.host, timeoutMs: budget });
    }
    const { phase, keysDerived } = e.state;
    const err = classifyTlsError(e.cause, {
      host: opts.host,
      port: opts.port,
      ip,
      phase,
      keysDerived,
      banner,
      timeoutMs,
    });
    const partial = e.state.result ?? partialResult(e.state, { host: opts.host, port: opts.port, ip, sni });
    throw err.code === "CLIENT_CERT_REQUIRED" ? new ClientCertRequiredError(err, partial) : err;
  }
}

function attempt(opts: HandshakeOptions, target: HandshakeResult["target"], timeoutMs: number) {
  const started = performance.now();
  const state: AttemptState = {
    phase: "connect",
    rttMs: 0,
    keysDerived: false,
    chain: null,
    staple: null,
    protocol: null,
    result: null,
  };
  return new Promise<HandshakeResult>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(aborted());
    const socket = tls.connect(connectOptions(opts, target));
    let settleTimer: NodeJS.Timeout | undefined;
    const finish = (err: unknown, result?: HandshakeResult) => {
      clearTimeout(timer);
      clearTimeout(settleTimer);
      opts.signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      if (result) resolve(result);
      else reject(new AttemptFailure(err, state));
    };
    const timer = setTimeout(() => finish(timeoutError()), timeoutMs);
    const onAbort = () => finish(aborted());
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    observe(socket, state, started);
    socket.on("error", (err) => finish(err));
    socket.once("secureConnect", () => {
      state.chain ??= presentedChain(socket);
      const result = resultOf(socket, state, target, started);
      state.result = result;
      if (result.protocol !== "TLSv1.3") return finish(null, result);
      // TLS 1.3 finishes the client's handshake before the server judges our (absent) client certificate:
      // a certificate_required alert or a session ticket follows; wait briefly for either.
      const done = () => finish(null, { ...result, durationMs: performance.now() - started });
      const settle = opts.settleMs ?? Math.min(SETTLE_MAX_MS, Math.max(SETTLE_MIN_MS, 2 * state.rttMs + 20));
      settleTimer = setTimeout(done, settle);
      socket.once("session", done);
      socket.once("end", done);
    });
  });
}

function connectOptions(opts: HandshakeOptions, target: HandshakeResult["target"]) {
  return {
    host: target.ip,
    port: target.port,
    servername: target.sni ?? undefined,
    secureContext: contextFor(opts),
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
    requestOCSP: opts.requestOcsp ?? false,
    ALPNProtocols: opts.alpnProtocols ?? DEFAULT_ALPN,
    minDHSize: 1,
  } satisfies tls.ConnectionOptions & { requestOCSP?: boolean };
}

/** Record what the handshake reveals as it goes: TCP up, key material derived, a stapled response. */
function observe(socket: tls.TLSSocket, state: AttemptState, started: number) {
  socket.once("connect", () => {
    state.phase = "handshake";
    state.rttMs = performance.now() - started;
  });
  socket.on("keylog", (line: Buffer) => onKeylog(socket, state, line));
  socket.on("OCSPResponse", (der: Buffer | null) => {
    state.staple = der?.length && der.length <= MAX_STAPLE_BYTES ? Buffer.from(der) : null;
  });
}

const timeoutError = () => Object.assign(new Error("timeout"), { code: "CERTWATCH_TIMEOUT" });

function onKeylog(socket: tls.TLSSocket, state: AttemptState, line: Buffer) {
  if (!line.subarray(0, 13).equals(CLIENT_RANDOM)) return;
  // TLS ≤ 1.2 after ServerHelloDone: keep the chain now, as a client-certificate refusal would lose it.
  state.keysDerived = true;
  state.protocol ??= socket.getProtocol();
  state.chain ??= presentedChain(socket);
}
const CLIENT_RANDOM = Buffer.from("CLIENT_RANDOM");

function resultOf(
  socket: tls.TLSSocket,
  state: AttemptState,
  target: HandshakeResult["target"],
  started: number,
) {
  const cipher = socket.getCipher();
  const eph = socket.getEphemeralKeyInfo();
  const error = socket.authorizationError as unknown;
  return {
    target,
    protocol: toProtocolName(socket.getProtocol()),
    cipher: cipher ? { name: cipher.name, standardName: cipher.standardName, version: cipher.version } : null,
    ephemeralKey:
      eph && "type" in eph && eph.type
        ? { type: eph.type, name: "name" in eph ? (eph.name ?? null) : null, size: eph.size ?? null }
        : null,
    alpn: typeof socket.alpnProtocol === "string" ? socket.alpnProtocol : null,
    chainDer: state.chain?.der ?? [],
    chainTruncated: state.chain?.truncated ?? false,
    ocspStaple: state.staple,
    authorizationError:
      error instanceof Error
        ? ((error as { code?: string }).code ?? error.message)
        : ((error as string) ?? null),
    durationMs: performance.now() - started,
  } satisfies HandshakeResult;
}

function partialResult(state: AttemptState, target: HandshakeResult["target"]): HandshakeResult {
  const chain = { chainDer: state.chain?.der ?? [], chainTruncated: state.chain?.truncated ?? false };
  const nothing = { cipher: null, ephemeralKey: null, alpn: null, authorizationError: null, durationMs: 0 };
  return { target, protocol: toProtocolName(state.protocol), ...chain, ocspStaple: state.staple, ...nothing };
}

/**
 * A TLS socket that accepts any certificate, for reading what an endpoint serves (HTTP headers) whether or
 * not it is trusted. The caller owns the socket and must destroy it. Failures are classified like handshake().
 */
export async function openTlsSocket(
  opts: Pick<HandshakeOptions, "host" | "port" | "ip" | "sni" | "timeoutMs" | "policy">,
): Promise<tls.TLSSocket> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const ip = await resolveOne(opts.ip || opts.host, { policy: opts.policy, timeoutMs });
  const sni = opts.sni || (net.isIP(opts.host) ? null : opts.host);
  const ctx = { host: opts.host, port: opts.port, ip, timeoutMs };
  return new Promise<tls.TLSSocket>((resolve, reject) => {
    const target = { host: opts.host, port: opts.port, ip, sni };
    const socket = tls.connect(connectOptions({ ...opts, alpnProtocols: ["http/1.1"] }, target));
    let phase: "connect" | "handshake" = "connect";
    const fail = (err: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      reject(classifyTlsError(err, { ...ctx, phase }));
    };
    const timer = setTimeout(() => fail(timeoutError()), ctx.timeoutMs);
    socket.once("connect", () => {
      phase = "handshake";
    });
    socket.on("error", fail);
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      socket.off("error", fail);
      resolve(socket);
    });
  });
}

export function toProtocolName(p: string | null | undefined): ProtocolName | null {
  if (p === "TLSv1") return "TLSv1.0";
  return p === "SSLv2" || p === "SSLv3" || p === "TLSv1.1" || p === "TLSv1.2" || p === "TLSv1.3" ? p : null;
}

function aborted() {
  return new CertwatchError("ABORTED", "The handshake was cancelled", null);
}
