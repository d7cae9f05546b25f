import type { CipherSuiteFacts, ProtocolName, Tristate } from "@/lib/assessment/types";
import { suiteByCode, toCipherSuiteFacts } from "../suites";
import { FFDHE_GROUPS } from "./constants";
import type { OrderResult, ProtocolResult } from "./enum-protocol";
import { SSLV2_CIPHERS } from "./sslv2";

const SSLV2_BITS: Record<number, number> = {
  65664: 128,
  131200: 40,
  196736: 128,
  262272: 40,
  327808: 128,
  393280: 56,
  458944: 112,
  524416: 64,
};

export type ProtocolRun = ProtocolResult & OrderResult;

export function tristate(values: boolean[]): Tristate | null {
  if (values.length === 0) return null;
  if (values.every(Boolean)) return "all";
  return values.some(Boolean) ? "some" : "none";
}

/** Suites per protocol, best protocol first, each in server order when the server enforces one. */
export function suiteFacts(runs: ProtocolRun[], sslv2Ciphers: number[]): CipherSuiteFacts[] {
  const out: CipherSuiteFacts[] = [];
  for (const run of [...runs].reverse()) {
    const ordered = run.order && run.order.length === run.suites.length ? run.order : run.suites;
    const group = run.hellos.find((h) => h.keyShareGroup !== null)?.keyShareGroup ?? null;
    const kx13 = group !== null && FFDHE_GROUPS.includes(group) ? "DHE" : "ECDHE";
    for (const code of ordered) out.push(toCipherSuiteFacts(run.protocol, code, kx13));
  }
  for (const code of sslv2Ciphers) {
    const hex = `0x${code.toString(16).toUpperCase().padStart(6, "0")}`;
    const name = SSLV2_CIPHERS[code] ?? hex;
    out.push({
      protocol: "SSLv2",
      name,
      code: hex,
      keyExchange: "RSA",
      bits: SSLV2_BITS[code] ?? 0,
      aead: false,
      forwardSecrecy: false,
    });
  }
  return out;
}

/**
 * One flag for the whole server: TLS ≤ 1.2 decides when it has two or more suites anywhere (that is where
 * order matters for grading and Mozilla "old"); TLS 1.3 alone decides only for 1.3-only servers.
 */
export function overallServerOrder(runs: ProtocolRun[]): boolean | null {
  const legacy = runs.filter((r) => r.protocol !== "TLSv1.3" && r.serverOrder !== null);
  const pool = legacy.length > 0 ? legacy : runs.filter((r) => r.serverOrder !== null);
  if (pool.length === 0) return null;
  return pool.every((r) => r.serverOrder === true);
}

export function serverOrderByProtocol(runs: ProtocolRun[]): Partial<Record<ProtocolName, string[] | null>> {
  const out: Partial<Record<ProtocolName, string[] | null>> = {};
  for (const r of runs) {
    if (!r.supported) continue;
    out[r.protocol] = r.order ? r.order.map((c) => suiteByCode(c)?.name ?? `0x${c.toString(16)}`) : null;
  }
  return out;
}

/** Secure renegotiation as seen in TLS ≤ 1.2 ServerHellos; null when there were none. */
export function secureRenegotiation(runs: ProtocolRun[]): boolean | null {
  const hellos = runs.filter((r) => r.protocol !== "TLSv1.3").flatMap((r) => r.hellos);
  if (hellos.length === 0) return null;
  return hellos.every((h) => h.secureRenegotiation);
}
