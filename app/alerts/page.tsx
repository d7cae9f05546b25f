import Link from "next/link";
import { AlertsTable } from "@/components/alerts-table";
import { Forbidden } from "@/components/forbidden";
import { listAlertHistory } from "@/db/queries/alerts";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ passed?: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor.role, "alert.read")) return <Forbidden role={actor.role} />;
  const includePassed = (await searchParams).passed === "1";
  const items = listAlertHistory(db(), { includePassed, limit: 300 });
  return (
    <>
      <div className="row">
        <h1>Alerts</h1>
        <Link href="/settings/channels">Channels</Link>
      </div>
      <p className="muted">
        Newest first, with each channel's delivery. Each alert is recorded once under its key before it is
        queued, so it is sent once per channel.{" "}
        {includePassed ? (
          <Link href="/alerts">Hide overtaken thresholds</Link>
        ) : (
          <Link href="/alerts?passed=1">Show overtaken thresholds (recorded, not sent)</Link>
        )}
      </p>
      <AlertsTable items={items} />
    </>
  );
}
