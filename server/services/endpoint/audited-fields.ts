import type { EndpointRow } from "@/db/schema";

const FIELDS = ["host", "port", "ip", "sni", "intervalSeconds", "tags", "enabled"] as const;

/** What the audit log keeps of an endpoint: its target and schedule, and only whether a CA is set. */
export function auditedFields(e: EndpointRow): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(FIELDS.map((f) => [f, e[f]]));
  out.privateCa = e.caPem !== null;
  return out;
}

/** The audited fields whose value changed, as { field: { from, to } }. */
export function changedFields(before: EndpointRow, after: EndpointRow): Record<string, unknown> {
  const a = auditedFields(before);
  const b = auditedFields(after);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(b)) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = { from: a[k], to: b[k] };
  }
  return out;
}
