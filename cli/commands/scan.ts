import { assessEndpoint } from "@/lib/assessment/assess-endpoint";
import type { Assessment } from "@/lib/assessment/types";
import { EXIT } from "../exit-codes";
import { formatScanReport } from "../format/scan-report";
import { GATE_ORDER, parseScanArgs, type ScanArgs } from "./scan-args";

export const SCAN_USAGE = `scan HOST[:PORT] [--ip ADDRESS] [--sni NAME] [--ca-file PEM] [--timeout MS] [--json]
        [--fail-under GRADE] [--fail-within DAYS] [--all] [--quick]
  Assess a TLS endpoint: certificate and chain, trust, protocols, cipher suites, key exchange, HSTS, grade.
  --all      every A/AAAA address (JSON: an array)      --quick  handshake only, no enumeration
  Exit: 0 done and gates passed, 1 a gate failed, 2 the scan could not complete, 64 usage error.`;

/** The JSON the command prints: the assessment without the raw chain DER. */
export function scanJson(a: Assessment): Omit<Assessment, "chainDer"> {
  const { chainDer: _omit, ...rest } = a;
  return rest;
}

export function gateFailures(a: Assessment, args: Pick<ScanArgs, "failUnder" | "failWithinDays">): string[] {
  const out: string[] = [];
  if (args.failUnder && a.grade && GATE_ORDER.indexOf(a.grade.letter) > GATE_ORDER.indexOf(args.failUnder)) {
    out.push(`grade ${a.grade.letter} is below ${args.failUnder}`);
  }
  if (args.failWithinDays !== null && a.certificate) {
    const earliest = a.chain?.earliestExpiry ?? a.certificate.notAfter;
    const days = (Date.parse(earliest) - Date.now()) / 86_400_000;
    if (days < args.failWithinDays)
      out.push(`a certificate expires within ${args.failWithinDays} days (${earliest})`);
  }
  return out;
}

function exitCodeOf(results: Assessment[], args: ScanArgs): number {
  if (results.some((r) => r.error || (args.failUnder && !r.grade))) return EXIT.incomplete;
  return results.some((r) => gateFailures(r, args).length) ? EXIT.gateFailed : EXIT.ok;
}

export async function runScan(argv: string[]): Promise<number> {
  const args = parseScanArgs(argv);
  const results = await assessEndpoint(
    { host: args.host, port: args.port, ip: args.ip, sni: args.sni, caPem: args.caPem },
    { timeoutMs: args.timeoutMs, allAddresses: args.allAddresses, quick: args.quick },
  );
  if (args.json) {
    const json = args.allAddresses ? results.map(scanJson) : scanJson(results[0]!);
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const r of results) process.stdout.write(`${formatScanReport(r, gateFailures(r, args))}\n`);
  }
  return exitCodeOf(results, args);
}
