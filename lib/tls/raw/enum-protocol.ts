import type { CertwatchError } from "@/lib/errors";
import { VERSION_CODES } from "./constants";
import { candidateSuites, chunk, helloFor, type TlsProtocol } from "./hellos";
import type { ProbeOutcome } from "./probe";
import type { ServerHello } from "./server-hello";
import type { ProbeSession } from "./session";

export interface ProtocolResult {
  protocol: TlsProtocol;
  /** null: some probe failed (timeout, budget) before the question was settled. */
  supported: boolean | null;
  /** Supported suites in discovery order. */
  suites: number[];
  /** ServerHellos seen at this version (renegotiation_info, key_share group, ...). */
  hellos: ServerHello[];
}

type Step =
  | { kind: "picked"; hello: ServerHello }
  | { kind: "rejected"; versionRefused: boolean }
  | { kind: "unknown"; error: CertwatchError | null };

/** Resets and silent closes are how many stacks say "no"; timeouts and budget stops settle nothing. */
const REJECTING_ERRORS = new Set(["CONNECTION_RESET", "CONNECTION_CLOSED"]);

export function classify(o: ProbeOutcome, protocol: TlsProtocol, offered: readonly number[]): Step {
  if (o.kind === "alert") return { kind: "rejected", versionRefused: o.description === 70 };
  if (o.kind === "sslv2") return { kind: "rejected", versionRefused: true };
  if (o.kind === "failed") {
    return REJECTING_ERRORS.has(o.error.code)
      ? { kind: "rejected", versionRefused: false }
      : { kind: "unknown", error: o.error };
  }
  if (o.hello.version !== VERSION_CODES[protocol]) return { kind: "rejected", versionRefused: true };
  if (!offered.includes(o.hello.cipherSuite)) return { kind: "unknown", error: null };
  return { kind: "picked", hello: o.hello };
}

/** The server's pick from `suites` at `protocol`, or null when it picked nothing usable. */
export async function pick(
  s: ProbeSession,
  protocol: TlsProtocol,
  suites: readonly number[],
): Promise<ServerHello | null> {
  const step = classify(await s.send(helloFor(protocol, suites, s.sni)), protocol, suites);
  return step.kind === "picked" ? step.hello : null;
}

interface ChunkResult {
  found: number[];
  hellos: ServerHello[];
  state: "done" | "refused" | "unknown";
}

/** Offer the chunk, record the pick, remove it, repeat until the server declines. */
async function exhaustChunk(
  s: ProbeSession,
  protocol: TlsProtocol,
  suites: number[],
  first?: Step,
): Promise<ChunkResult> {
  const remaining = [...suites];
  const out: ChunkResult = { found: [], hellos: [], state: "done" };
  let step = first;
  for (let i = 0; i <= suites.length && remaining.length > 0; i++) {
    step ??= classify(await s.send(helloFor(protocol, remaining, s.sni)), protocol, remaining);
    if (step.kind === "rejected") return { ...out, state: step.versionRefused ? "refused" : "done" };
    if (step.kind === "unknown") {
      s.note(
        `${protocol}: ${step.error ? `${step.error.code}: ${step.error.message}` : "server picked a suite it was not offered"}`,
      );
      return { ...out, state: "unknown" };
    }
    out.found.push(step.hello.cipherSuite);
    out.hellos.push(step.hello);
    remaining.splice(remaining.indexOf(step.hello.cipherSuite), 1);
    step = undefined;
  }
  return out;
}

export async function enumerateProtocol(s: ProbeSession, protocol: TlsProtocol): Promise<ProtocolResult> {
  const chunks = chunk(candidateSuites(protocol));
  const head = chunks[0]!;
  const first = classify(await s.send(helloFor(protocol, head, s.sni)), protocol, head);
  // protocol_version (or a lower ServerHello) settles it in one connection: skip the other chunks.
  if (first.kind === "rejected" && first.versionRefused)
    return { protocol, supported: false, suites: [], hellos: [] };
  const results = await Promise.all([
    exhaustChunk(s, protocol, head, first),
    ...chunks.slice(1).map((c) => exhaustChunk(s, protocol, c)),
  ]);
  const suites = results.flatMap((r) => r.found);
  const hellos = results.flatMap((r) => r.hellos);
  const unknown = results.some((r) => r.state === "unknown");
  return { protocol, supported: suites.length > 0 ? true : unknown ? null : false, suites, hellos };
}

export interface OrderResult {
  serverOrder: boolean | null;
  /** Suites in the server's preference order (only when it enforces one). */
  order: number[] | null;
}

/** Offer the list forwards and backwards; the same pick means the server orders. Then rank by repeated picks. */
export async function detectServerOrder(
  s: ProbeSession,
  protocol: TlsProtocol,
  suites: number[],
): Promise<OrderResult> {
  if (suites.length < 2) return { serverOrder: null, order: suites.length === 1 ? [...suites] : null };
  const list = suites.slice(0, 128);
  const [a, b] = await Promise.all([pick(s, protocol, list), pick(s, protocol, [...list].reverse())]);
  if (!a || !b) return { serverOrder: null, order: null };
  if (a.cipherSuite !== b.cipherSuite) return { serverOrder: false, order: null };
  const order = [a.cipherSuite];
  const remaining = list.filter((c) => c !== a.cipherSuite);
  while (remaining.length > 1) {
    const p = await pick(s, protocol, remaining);
    if (!p) return { serverOrder: true, order: null };
    order.push(p.cipherSuite);
    remaining.splice(remaining.indexOf(p.cipherSuite), 1);
  }
  order.push(...remaining);
  return { serverOrder: true, order };
}
