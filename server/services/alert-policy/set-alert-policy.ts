import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertPolicies, endpoints } from "@/db/schema";
import { type AlertPolicyOverride, alertPolicyOverrideSchema } from "@/lib/alerts/policy";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError, ValidationError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import { endpointScope, tagScope } from "./policy-for-endpoint";

type Ctx = { db: Db; now?: () => Date };
export type PolicyScope = { endpointId: number } | { tag: string };

function parseOverride(input: unknown): AlertPolicyOverride {
  const parsed = alertPolicyOverrideSchema.strict().safeParse(input ?? {});
  if (parsed.success) {
    // Unset fields inherit: keep only what is set.
    return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const i of parsed.error.issues) {
    const k = i.path.join(".") || "policy";
    fieldErrors[k] = [...(fieldErrors[k] ?? []), i.message];
  }
  throw new ValidationError(fieldErrors);
}

function scopeOf(db: Db, scope: PolicyScope): { key: string; endpointId: number | null; tag: string | null } {
  if ("endpointId" in scope) {
    const e = db.select({ id: endpoints.id }).from(endpoints).where(eq(endpoints.id, scope.endpointId)).get();
    if (!e) throw new NotFoundError(`Endpoint #${scope.endpointId}`);
    return { key: endpointScope(e.id), endpointId: e.id, tag: null };
  }
  const tag = scope.tag.trim().toLowerCase();
  if (!/^[\w.:-]{1,64}$/.test(tag)) throw new ValidationError({ tag: ["Use 1-64 letters, digits, . : _ -"] });
  return { key: tagScope(tag), endpointId: null, tag };
}

/**
 * Sets (replaces) the alert policy override of an endpoint or a tag; an empty override removes it, so the
 * scope inherits everything again. Editors may do this: it changes what is monitored, like the endpoint.
 */
export function setAlertPolicy({
  ctx,
  actor,
  scope,
  input,
}: {
  ctx: Ctx;
  actor: Actor;
  scope: PolicyScope;
  input: unknown;
}): AlertPolicyOverride {
  authorize(actor, "endpoint.update");
  const override = parseOverride(input);
  const s = scopeOf(ctx.db, scope);
  const now = ctx.now?.() ?? new Date();
  ctx.db.transaction((tx) => {
    if (Object.keys(override).length === 0) {
      tx.delete(alertPolicies).where(eq(alertPolicies.scopeKey, s.key)).run();
    } else {
      const values = {
        scopeKey: s.key,
        endpointId: s.endpointId,
        tag: s.tag,
        override,
        updatedAt: now.toISOString(),
      };
      tx.insert(alertPolicies)
        .values(values)
        .onConflictDoUpdate({
          target: alertPolicies.scopeKey,
          set: { override, updatedAt: values.updatedAt },
        })
        .run();
    }
    const details = { scope: s.key, override };
    recordAudit(
      tx,
      actor,
      { action: "alert-policy.set", targetType: "alert-policy", targetId: s.key, details },
      now,
    );
  });
  return override;
}
