import fs from "node:fs";
import { isIP } from "node:net";
import { parseArgs } from "node:util";
import type { GradeLetter } from "@/lib/assessment/types";
import { isCertwatchError } from "@/lib/errors";
import { normaliseHostname } from "@/lib/net/hostname";
import { UsageError } from "../exit-codes";

export const GATE_ORDER: GradeLetter[] = ["A+", "A", "A-", "B", "C", "D", "E", "F", "T", "M"];

export interface ScanArgs {
  host: string;
  port: number;
  ip: string | null;
  sni: string | null;
  caPem: string | null;
  timeoutMs: number;
  json: boolean;
  failUnder: GradeLetter | null;
  failWithinDays: number | null;
  allAddresses: boolean;
  quick: boolean;
}

/** HOST, HOST:PORT, [IPv6]:PORT or a bare IPv6 literal. */
export function splitHostPort(input: string): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(input);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : 443 };
  if (isIP(input) === 6) return { host: input, port: 443 };
  const m = /^(.*?)(?::(\d+))?$/.exec(input)!;
  return { host: m[1]!, port: m[2] ? Number(m[2]) : 443 };
}

function hostname(value: string, what: string): string {
  try {
    return normaliseHostname(value);
  } catch (e) {
    throw new UsageError(`${what}: ${isCertwatchError(e) ? e.message : "not a valid hostname"}`);
  }
}

export function parseScanArgs(argv: string[]): ScanArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("give exactly one HOST[:PORT]");
  const { host, port } = splitHostPort(positionals[0]!);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new UsageError(`port must be 1–65535, got ${port}`);
  if (values.ip && !isIP(values.ip))
    throw new UsageError(`--ip must be an IPv4 or IPv6 address, got "${values.ip}"`);
  const timeoutMs = values.timeout ? Number(values.timeout) : 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000)
    throw new UsageError("--timeout is 100–120000 ms");
  const failUnder = values["fail-under"]?.toUpperCase() ?? null;
  if (failUnder && !GATE_ORDER.slice(0, 8).includes(failUnder as GradeLetter)) {
    throw new UsageError(`--fail-under takes A+, A, A-, B, C, D, E or F, got "${values["fail-under"]}"`);
  }
  const within = values["fail-within"] !== undefined ? Number(values["fail-within"]) : null;
  if (within !== null && (!Number.isFinite(within) || within < 0))
    throw new UsageError("--fail-within takes a number of days ≥ 0");
  let caPem: string | null = null;
  if (values["ca-file"]) {
    try {
      caPem = fs.readFileSync(values["ca-file"], "utf8");
    } catch (e) {
      throw new UsageError(
        `--ca-file: cannot read ${values["ca-file"]} (${(e as NodeJS.ErrnoException).code})`,
      );
    }
    if (!caPem.includes("-----BEGIN CERTIFICATE-----"))
      throw new UsageError("--ca-file must hold PEM certificates");
  }
  return {
    host: hostname(host, "host"),
    port,
    ip: values.ip ?? null,
    sni: values.sni ? hostname(values.sni, "--sni") : null,
    caPem,
    timeoutMs,
    json: values.json ?? false,
    failUnder: failUnder as GradeLetter | null,
    failWithinDays: within,
    allAddresses: values.all ?? false,
    quick: values.quick ?? false,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ip: { type: "string" },
      sni: { type: "string" },
      "ca-file": { type: "string" },
      timeout: { type: "string" },
      json: { type: "boolean" },
      "fail-under": { type: "string" },
      "fail-within": { type: "string" },
      all: { type: "boolean" },
      quick: { type: "boolean" },
    },
  });
}
