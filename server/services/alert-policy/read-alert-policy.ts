import { asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertPolicies, endpoints } from "@/db/schema";
import type { AlertPolicy, AlertPolicyOverride } from "@/lib/alerts/policy";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import { endpointScope, policyForEndpoint } from "./policy-for-endpoint";

export interface EndpointPolicyView {
  /** What the endpoint itself overrides. */
  override: AlertPolicyOverride;
  /** What applies after tags and defaults are merged in. */
  effective: AlertPolicy;
}

export function readEndpointPolicy({
  ctx,
  actor,
  endpointId,
}: {
  ctx: { db: Db };
  actor: Actor;
  endpointId: number;
}): EndpointPolicyView {
  authorize(actor, "endpoint.read");
  const e = ctx.db.select().from(endpoints).where(eq(endpoints.id, endpointId)).get();
  if (!e) throw new NotFoundError(`Endpoint #${endpointId}`);
  const row = ctx.db
    .select()
    .from(alertPolicies)
    .where(eq(alertPolicies.scopeKey, endpointScope(e.id)))
    .get();
  return { override: row?.override ?? {}, effective: policyForEndpoint(ctx.db, e) };
}

export function listTagPolicies({
  ctx,
  actor,
}: {
  ctx: { db: Db };
  actor: Actor;
}): { tag: string; override: AlertPolicyOverride }[] {
  authorize(actor, "endpoint.read");
  return ctx.db
    .select({ tag: alertPolicies.tag, override: alertPolicies.override })
    .from(alertPolicies)
    .where(isNotNull(alertPolicies.tag))
    .orderBy(asc(alertPolicies.tag))
    .all()
    .map((r) => ({ tag: r.tag ?? "", override: r.override }));
}
