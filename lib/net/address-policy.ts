// Which addresses the scanner may connect to. Certificates and users choose the URLs and hosts we contact
// (AIA, OCSP, CRL, endpoints), so cloud metadata and link-local services are refused unless explicitly
// allowed; private ranges and loopback are allowed by default because self-hosted monitoring needs them.
import { BlockList, isIP } from "node:net";

export type AddressCategory =
  | "metadata"
  | "link-local"
  | "loopback"
  | "private"
  | "unspecified"
  | "multicast"
  | "public"
  | "invalid";

export interface AddressPolicy {
  allowPrivate: boolean;
  allowLoopback: boolean;
  allowLinkLocal: boolean;
}

export const DEFAULT_ADDRESS_POLICY: AddressPolicy = {
  allowPrivate: true,
  allowLoopback: true,
  allowLinkLocal: false,
};

function list(entries: [string, number, "ipv4" | "ipv6"][]): BlockList {
  const b = new BlockList();
  for (const [net, prefix, type] of entries) b.addSubnet(net, prefix, type);
  return b;
}

const CATEGORIES: [AddressCategory, BlockList][] = [
  [
    "unspecified",
    list([
      ["0.0.0.0", 8, "ipv4"],
      ["::", 128, "ipv6"],
    ]),
  ],
  // AWS/GCP/Azure/OCI 169.254.169.254, ECS 169.254.170.2, AWS IPv6 fd00:ec2::254, Alibaba 100.100.100.200.
  [
    "metadata",
    list([
      ["169.254.169.254", 32, "ipv4"],
      ["169.254.170.2", 32, "ipv4"],
      ["100.100.100.200", 32, "ipv4"],
      ["fd00:ec2::254", 128, "ipv6"],
    ]),
  ],
  [
    "link-local",
    list([
      ["169.254.0.0", 16, "ipv4"],
      ["fe80::", 10, "ipv6"],
    ]),
  ],
  [
    "loopback",
    list([
      ["127.0.0.0", 8, "ipv4"],
      ["::1", 128, "ipv6"],
    ]),
  ],
  [
    "multicast",
    list([
      ["224.0.0.0", 4, "ipv4"],
      ["255.255.255.255", 32, "ipv4"],
      ["ff00::", 8, "ipv6"],
    ]),
  ],
  [
    "private",
    list([
      ["10.0.0.0", 8, "ipv4"],
      ["172.16.0.0", 12, "ipv4"],
      ["192.168.0.0", 16, "ipv4"],
      ["100.64.0.0", 10, "ipv4"],
      ["fc00::", 7, "ipv6"],
    ]),
  ],
];

/** IPv4 hidden inside IPv6 (::ffff:a.b.c.d, NAT64 64:ff9b::/96) is judged as the IPv4 address it reaches. */
export function unwrapIpv4(ip: string): string {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(ip);
  if (!m) return ip;
  if (m[1]) return m[1];
  const hi = Number.parseInt(m[2]!, 16);
  const lo = Number.parseInt(m[3]!, 16);
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
}

export function classifyAddress(input: string): AddressCategory {
  const ip = unwrapIpv4(input.replace(/^\[|\]$/g, "").toLowerCase());
  const kind = isIP(ip);
  if (kind === 0) return "invalid";
  const type = kind === 4 ? "ipv4" : "ipv6";
  return CATEGORIES.find(([, b]) => b.check(ip, type))?.[0] ?? "public";
}

const REASONS: Partial<Record<AddressCategory, string>> = {
  metadata: "is a cloud metadata service address; scanning it could leak credentials",
  "link-local": "is link-local (169.254.0.0/16, fe80::/10), where metadata services live",
  loopback: "is a loopback address and loopback targets are disabled",
  private: "is in a private range and private targets are disabled",
  unspecified: "is not a real destination (0.0.0.0 or ::); use 127.0.0.1 for this machine",
  multicast: "is a multicast or broadcast address",
  invalid: "is not an IP address",
};

export function checkAddressAllowed(
  ip: string,
  policy: AddressPolicy = DEFAULT_ADDRESS_POLICY,
): { allowed: boolean; reason: string | null; category: AddressCategory } {
  const category = classifyAddress(ip);
  const allowed =
    category === "public" ||
    (category === "private" && policy.allowPrivate) ||
    (category === "loopback" && policy.allowLoopback) ||
    (category === "link-local" && policy.allowLinkLocal);
  return { allowed, reason: allowed ? null : `${ip} ${REASONS[category]}`, category };
}
