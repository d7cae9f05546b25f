import { AlertPolicyForm } from "@/components/alert-policy-form";
import { listEndpoints } from "@/db/queries/endpoints";
import { resolvePolicy } from "@/lib/alerts/policy";
import { ALERT_EVENT_KINDS } from "@/lib/alerts/types";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { listTagPolicies } from "@/server/services/alert-policy/read-alert-policy";
import { setTagPolicyAction } from "./actions";

export const dynamic = "force-dynamic";

/** Alert thresholds per tag; an endpoint's own override (on its Alerts page) wins over these. */
export default async function AlertPoliciesPage() {
  const actor = await requirePageActor();
  const d = db();
  const policies = new Map(listTagPolicies({ ctx: { db: d }, actor }).map((p) => [p.tag, p.override]));
  const tags = [
    ...new Set([
      ...listEndpoints(d).flatMap((i) => i.endpoint.tags.map((t) => t.toLowerCase())),
      ...policies.keys(),
    ]),
  ].sort();
  const editable = can(actor.role, "endpoint.update");
  return (
    <>
      <h1>Alert policies by tag</h1>
      <p className="muted">
        For an endpoint with several tags, the first tag it lists that sets a field wins; its own override
        wins over all of them. Defaults: 30, 14 and 7 days, 33 % of lifetime for certificates of up to 30
        days.
      </p>
      {tags.length === 0 ? <p className="muted">No endpoint has tags yet.</p> : null}
      {tags.map((tag) => {
        const override = policies.get(tag) ?? {};
        return (
          <details
            key={tag}
            className="card"
            data-testid="tag-policy"
            open={Object.keys(override).length > 0}
          >
            <summary>
              {tag}
              {Object.keys(override).length
                ? ` — overrides ${Object.keys(override).join(", ")}`
                : " — defaults"}
            </summary>
            {editable ? (
              <AlertPolicyForm
                action={setTagPolicyAction}
                override={override}
                effective={resolvePolicy({ tags: [override] })}
                eventKinds={ALERT_EVENT_KINDS}
                hidden={{ tag }}
              />
            ) : (
              <pre className="mono">{JSON.stringify(override, null, 2)}</pre>
            )}
          </details>
        );
      })}
    </>
  );
}
