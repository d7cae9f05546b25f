import { lookup } from "node:dns/promises";
import net from "node:net";
import { CertwatchError } from "@/lib/errors";
import { type AssessOptions, assessAddress } from "./assess-address";
import { emptyAssessment } from "./empty";
import { errorInfo } from "./error-info";
import type { Assessment } from "./types";

export interface EndpointTarget {
  host: string;
  port: number;
  ip: string | null;
  sni: string | null;
  caPem: string | null;
}

const MAX_ADDRESSES = 16;

async function addressesOf(host: string, all: boolean): Promise<string[]> {
  if (net.isIP(host)) return [host];
  try {
    const found = await lookup(host, { all: true, verbatim: true });
    const unique = [...new Set(found.map((f) => f.address))];
    return all ? unique.slice(0, MAX_ADDRESSES) : unique.slice(0, 1);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CertwatchError(
      "DNS_NOT_FOUND",
      code === "ENOTFOUND"
        ? `${host} does not resolve (no A or AAAA record).`
        : `${host} could not be resolved (${code}).`,
      "Check the spelling, or set an IP override if the name only resolves inside another network.",
      { cause: e },
    );
  }
}

/** Assess every A/AAAA address of the target separately (or just the IP override). */
export async function assessEndpoint(
  t: EndpointTarget,
  opts: AssessOptions & { allAddresses?: boolean },
): Promise<Assessment[]> {
  let ips: string[];
  try {
    ips = t.ip ? [t.ip] : await addressesOf(t.host, opts.allAddresses ?? true);
  } catch (e) {
    const failed = emptyAssessment({ host: t.host, port: t.port, ip: null, sni: t.sni }, new Date());
    failed.error = errorInfo(e);
    failed.gradeUnavailableReason = "could not be fully assessed: the name did not resolve";
    return [failed];
  }
  return Promise.all(ips.map((ip) => assessAddress({ ...t, ip }, opts)));
}
