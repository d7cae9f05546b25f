import type { ProtocolName } from "@/lib/assessment/types";
import { type FixId, fixFor } from "../fixes";
import type { ReferenceHandshake, RuleEffect, RuleFinding } from "../types";

export function finding(effect: RuleEffect, reason: string, fix: FixId): RuleFinding {
  return { effect, reason, fix: fixFor(fix) };
}

const LABELS: Record<ProtocolName, string> = {
  SSLv2: "SSL 2.0",
  SSLv3: "SSL 3.0",
  "TLSv1.0": "TLS 1.0",
  "TLSv1.1": "TLS 1.1",
  "TLSv1.2": "TLS 1.2",
  "TLSv1.3": "TLS 1.3",
};

export function protocolLabel(p: ProtocolName): string {
  return LABELS[p];
}

/** "a, b and c", at most `max` items then "and N more". */
export function listOf(items: readonly string[], max = 3): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, max);
  const rest = unique.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/** "Chrome gets X with TLS 1.2" for the first few offending reference handshakes. */
export function describeHandshakes(hs: readonly ReferenceHandshake[]): string {
  return listOf(hs.map((h) => `${h.client} gets ${h.suite.name} over ${protocolLabel(h.protocol)}`));
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
