import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertPolicyForm } from "@/components/alert-policy-form";
import { AlertsTable } from "@/components/alerts-table";
import { listAlertHistory } from "@/db/queries/alerts";
import { getEndpoint } from "@/db/queries/endpoints";
import { ALERT_EVENT_KINDS } from "@/lib/alerts/types";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { readEndpointPolicy } from "@/server/services/alert-policy/read-alert-policy";
import { setEndpointPolicyAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function EndpointAlertsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const d = db();
  const e = getEndpoint(d, id);
  if (!e) notFound();
  const policy = readEndpointPolicy({ ctx: { db: d }, actor, endpointId: id });
  return (
    <>
      <h1>
        Alerts for <Link href={`/endpoints/${e.id}`}>{`${e.host}:${e.port}`}</Link>
      </h1>
      <p className="muted">
        Empty fields inherit from the endpoint's tags ({e.tags.length ? e.tags.join(", ") : "none"}) and the
        defaults. Changes apply from the next scan.
      </p>
      {can(actor.role, "endpoint.update") ? (
        <AlertPolicyForm
          action={setEndpointPolicyAction}
          override={policy.override}
          effective={policy.effective}
          eventKinds={ALERT_EVENT_KINDS}
          hidden={{ endpointId: String(e.id) }}
        />
      ) : (
        <pre className="mono">{JSON.stringify(policy.effective, null, 2)}</pre>
      )}
      <h2>History</h2>
      <AlertsTable items={listAlertHistory(d, { endpointId: id, includePassed: true, limit: 200 })} />
    </>
  );
}
