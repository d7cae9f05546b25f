import { type LookupAll, resolveTargets } from "@/lib/net/resolve";
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

/**
 * Assess every A/AAAA address of the target separately (or just the IP override). The address policy
 * is applied before any connection, so cloud metadata and link-local targets are refused, not probed.
 */
export async function assessEndpoint(
  t: EndpointTarget,
  opts: AssessOptions & { allAddresses?: boolean; lookup?: LookupAll },
): Promise<Assessment[]> {
  let ips: string[];
  try {
    const found = await resolveTargets(t.ip ?? t.host, {
      all: opts.allAddresses ?? true,
      policy: opts.policy,
      lookup: opts.lookup,
    });
    ips = found.map((f) => f.address);
  } catch (e) {
    const failed = emptyAssessment({ host: t.host, port: t.port, ip: t.ip, sni: t.sni }, new Date());
    failed.error = errorInfo(e);
    failed.gradeUnavailableReason = `could not be fully assessed: ${failed.error.message}`;
    return [failed];
  }
  return Promise.all(ips.map((ip) => assessAddress({ ...t, ip }, opts)));
}
