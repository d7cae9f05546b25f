import { suiteByCode } from "../suites";
import { probeAlpnTls13 } from "./alpn-tls13";
import { probeAlpn, probeCompression, probeFlight, probeGroups12, probeGroups13 } from "./enum-extras";
import type { ProtocolRun } from "./findings";
import type { ProbeSession } from "./session";

export interface Extras {
  groups: number[];
  dhBits: number | null;
  compression: boolean | null;
  alpn: string[];
  clientCertRequested: boolean | null;
  chainDer: string[];
}

const isDh = (code: number) => ["DHE", "DH_anon"].includes(suiteByCode(code)?.keyExchange ?? "");

/** The weakest DH prime among DHE suites: export suites get their own probe, as they use 512-bit groups. */
async function weakestDh(s: ProbeSession, runs: ProtocolRun[]): Promise<number | null> {
  const run = [...runs].reverse().find((r) => r.protocol !== "TLSv1.3" && r.suites.some(isDh));
  if (!run) return null;
  const dh = run.suites.filter(isDh);
  const sets = [dh.filter((c) => !suiteByCode(c)?.export), dh.filter((c) => suiteByCode(c)?.export)];
  const flights = await Promise.all(
    sets.filter((set) => set.length).map((set) => probeFlight(s, run.protocol, set)),
  );
  const bits = flights.map((f) => f?.dhBits).filter((b): b is number => typeof b === "number");
  return bits.length ? Math.min(...bits) : null;
}

/** Everything asked once the supported protocols are known: groups, DH size, compression, ALPN, client certs. */
export async function collectExtras(s: ProbeSession, runs: ProtocolRun[]): Promise<Extras> {
  const legacy = [...runs].reverse().find((r) => r.protocol !== "TLSv1.3" && r.supported && r.suites.length);
  const tls13 = runs.find((r) => r.protocol === "TLSv1.3" && r.supported && r.suites.length);
  const [groups, dhBits, compression, alpn, flight] = await Promise.all([
    tls13 ? probeGroups13(s, tls13.suites) : legacy ? probeGroups12(s, legacy.protocol, legacy.suites) : [],
    weakestDh(s, runs),
    // TLS 1.3 has no compression at all.
    legacy ? probeCompression(s, legacy.protocol, legacy.suites) : tls13 ? false : null,
    legacy ? probeAlpn(s, legacy.protocol, legacy.suites) : tls13 ? probeAlpnTls13(s) : [],
    legacy ? probeFlight(s, legacy.protocol, legacy.suites) : null,
  ]);
  return {
    groups,
    dhBits,
    compression,
    alpn,
    clientCertRequested: flight ? flight.clientCertRequested : null,
    chainDer: (flight?.certificates ?? []).map((c) => Buffer.from(c).toString("base64")),
  };
}
