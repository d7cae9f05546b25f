import { inArray } from "drizzle-orm";
import { alertPolicies } from "@/db/schema";
import { type AlertPolicy, DEFAULT_ALERT_POLICY, resolvePolicy } from "@/lib/alerts/policy";
import type { DbLike } from "../alert/db-like";

export function endpointScope(endpointId: number): string {
  return `endpoint:${endpointId}`;
}

export function tagScope(tag: string): string {
  return `tag:${tag.trim().toLowerCase()}`;
}

/**
 * The effective policy of one endpoint: its own override, then its tags' in the order the endpoint
 * lists them, then the defaults. Overrides are validated when saved, so a merge that still fails
 * (a future field rule) falls back to the defaults instead of blocking the scan from being recorded.
 */
export function policyForEndpoint(
  db: DbLike,
  endpoint: { id: number; tags: readonly string[] },
): AlertPolicy {
  const tagKeys = endpoint.tags.map(tagScope);
  const rows = db
    .select()
    .from(alertPolicies)
    .where(inArray(alertPolicies.scopeKey, [endpointScope(endpoint.id), ...tagKeys]))
    .all();
  const byKey = new Map(rows.map((r) => [r.scopeKey, r.override]));
  const tags = tagKeys.map((k) => byKey.get(k)).filter((o) => o !== undefined);
  try {
    return resolvePolicy({ tags, endpoint: byKey.get(endpointScope(endpoint.id)) ?? null });
  } catch {
    return DEFAULT_ALERT_POLICY;
  }
}
