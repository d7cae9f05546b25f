// RFC 6125 name matching as browsers do it: SANs first, CN only when the certificate has no DNS/IP SAN,
// wildcards only as the whole left-most label and never directly above a single label ("*.com").
import { isIP } from "node:net";

export interface CertificateNames {
  dnsNames: string[];
  ipAddresses: string[];
  commonName: string | null;
}

const trimDot = (s: string) => s.toLowerCase().replace(/\.$/, "");

export function canonicalIp(ip: string): string | null {
  const kind = isIP(ip);
  if (kind === 4) return ip;
  if (kind === 6) return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  return null;
}

export function matchesPattern(host: string, pattern: string): boolean {
  const h = trimDot(host);
  const p = trimDot(pattern);
  if (!h || !p || h.includes("*")) return false;
  if (!p.includes("*")) return h === p;
  if (!p.startsWith("*.") || p.indexOf("*", 1) !== -1) return false;
  const suffix = p.slice(1);
  if (suffix.split(".").length < 3) return false;
  if (!h.endsWith(suffix)) return false;
  const first = h.slice(0, -suffix.length);
  return first.length > 0 && !first.includes(".");
}

/** Whether `host` (a DNS name or an IP literal) is covered by the certificate's names. */
export function hostnameMatches(host: string, names: CertificateNames): boolean {
  const ip = canonicalIp(host.replace(/^\[|\]$/g, ""));
  if (ip) return names.ipAddresses.some((san) => canonicalIp(san) === ip);
  if (names.dnsNames.length > 0 || names.ipAddresses.length > 0) {
    return names.dnsNames.some((san) => matchesPattern(host, san));
  }
  return names.commonName !== null && matchesPattern(host, names.commonName);
}
