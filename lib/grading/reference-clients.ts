import type { Assessment } from "@/lib/assessment/types";
import { classifySuiteName } from "./suites";
import type { ClassifiedSuite, ReferenceView, ResolvedGradingOptions } from "./types";

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
  const handshakes = a.clientSimulations.flatMap((sim) => {
    if (!sim.suite || !sim.protocol) return [];
    const known = suites.find((s) => s.name === sim.suite && s.protocol === sim.protocol);
    const suite = known ?? fromSimulation(sim.suite, sim.protocol, sim, opts);
    return suite ? [{ client: sim.client, protocol: sim.protocol, suite }] : [];
  });
  if (handshakes.length > 0) return { source: "simulations", handshakes };
  return {
    source: "support",
    handshakes: suites.map((suite) => ({ client: "any client", protocol: suite.protocol, suite })),
  };
}

function fromSimulation(
  name: string,
  protocol: NonNullable<Assessment["clientSimulations"][number]["protocol"]>,
  sim: Assessment["clientSimulations"][number],
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
