import type { Assessment, ClientSimulation, ProtocolName } from "@/lib/assessment/types";
import { REFERENCE_CLIENTS } from "@/lib/tls/raw/client-profiles";
import { suiteByName } from "@/lib/tls/suites";
import { classifySuiteName } from "./suites";
import type { ClassifiedSuite, ReferenceHandshake, ReferenceView, ResolvedGradingOptions } from "./types";

const OFFERS = new Map(REFERENCE_CLIENTS.map((c) => [c.name, new Set(c.suites)]));

/**
 * GRADING.md §5: SSL Labs judges FS, AEAD, 3DES/64-bit and RC4-with-TLS-1.1+ on what its reference
 * browsers negotiate. We use the handshakes in `clientSimulations` that completed. When there are none
 * (simulations not run, or every one failed) we fall back to everything the server supports, which is
 * what testssl does: stricter for servers that keep a weak suite last in their order.
 */
export function referenceView(
  a: Assessment,
  suites: readonly ClassifiedSuite[],
  opts: ResolvedGradingOptions,
): ReferenceView {
  const handshakes = a.clientSimulations.flatMap((sim): ReferenceHandshake[] => {
    if (!sim.suite || !sim.protocol) return [];
    const known = suites.find((s) => s.name === sim.suite && s.protocol === sim.protocol);
    const suite = known ?? fromSimulation(sim.suite, sim.protocol, sim, opts);
    if (!suite) return [];
    return [
      { client: sim.client, protocol: sim.protocol, suite, couldDoBetter: better(sim, sim.protocol, suites) },
    ];
  });
  if (handshakes.length > 0) return { source: "simulations", handshakes };
  const all = { forwardSecrecy: true, aead: true };
  return {
    source: "support",
    handshakes: suites.map((suite) => ({
      client: "any client",
      protocol: suite.protocol,
      suite,
      couldDoBetter: all,
    })),
  };
}

/**
 * Whether this client offered a forward-secret (AEAD) suite that the server accepts on the negotiated
 * protocol. "We will not penalize sites that use suites without forward secrecy provided they are never
 * negotiated with clients that can do better" (Qualys blog 2018-02-02; the same for AEAD): IE 11 on
 * Windows 7 has no ECDHE-RSA-GCM, so its CBC pick from an ECDHE-RSA-GCM server is no fault of the server.
 * A client we have no profile for is assumed able to do better.
 */
function better(sim: ClientSimulation, protocol: ProtocolName, suites: readonly ClassifiedSuite[]) {
  const offered = OFFERS.get(sim.client);
  if (!offered) return { forwardSecrecy: true, aead: true };
  const common = suites.filter(
    (s) => s.protocol === protocol && offered.has(suiteByName(s.name)?.code ?? -1),
  );
  const forwardSecrecy = common.some((s) => s.forwardSecrecy);
  // Picking forward secrecy over AEAD is no fault: AEAD counts as possible only without giving up FS.
  return { forwardSecrecy, aead: common.some((s) => s.aead && (s.forwardSecrecy || !forwardSecrecy)) };
}

function fromSimulation(
  name: string,
  protocol: ProtocolName,
  sim: ClientSimulation,
  opts: ResolvedGradingOptions,
): ClassifiedSuite | null {
  const suite = classifySuiteName(name, protocol, { bits: null, keyExchange: null }, opts);
  if (!suite) return null;
  return {
    ...suite,
    forwardSecrecy: sim.forwardSecrecy ?? suite.forwardSecrecy,
    aead: sim.aead ?? suite.aead,
  };
}

export function isModernProtocol(p: string): boolean {
  return p === "TLSv1.1" || p === "TLSv1.2" || p === "TLSv1.3";
}
