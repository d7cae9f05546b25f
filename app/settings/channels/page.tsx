import Link from "next/link";
import { ChannelRowActions } from "@/components/channel-row-actions";
import { Forbidden } from "@/components/forbidden";
import { deliveryCountsByChannel } from "@/db/queries/channels";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { listChannels } from "@/server/services/channel/read-channels";
import { deleteChannelAction, testChannelAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function ChannelsPage() {
  const actor = await requirePageActor();
  if (!can(actor.role, "channel.read")) return <Forbidden role={actor.role} />;
  const channels = listChannels({ ctx: { db: db() }, actor });
  const counts = deliveryCountsByChannel(db());
  const canWrite = can(actor.role, "channel.write");
  return (
    <>
      <div className="row">
        <h1>Notification channels</h1>
        {canWrite ? <Link href="/settings/channels/new">Add a channel</Link> : null}
      </div>
      <p className="muted">
        Alerts go to every enabled channel whose events and tags match. Secrets (SMTP password, webhook URLs)
        are stored encrypted and never shown again. <Link href="/alerts">Alert history</Link>
      </p>
      {channels.length === 0 ? (
        <p className="muted">No channels yet: alerts are recorded but not sent.</p>
      ) : (
        <table data-testid="channel-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Routing</th>
              <th>Deliveries</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => {
              const n = counts.get(c.id);
              return (
                <tr key={c.id} data-testid="channel-row" data-name={c.name}>
                  <td>
                    {canWrite ? <Link href={`/settings/channels/${c.id}`}>{c.name}</Link> : c.name}
                    {c.enabled ? null : <span className="badge muted">disabled</span>}
                  </td>
                  <td>{c.kind}</td>
                  <td className="muted">
                    {c.events.length ? c.events.join(", ") : "all events"} ·{" "}
                    {c.tags.length ? `tags ${c.tags.join(", ")}` : "all endpoints"}
                    {c.digest ? ` · digest ${String(c.digestHourUtc).padStart(2, "0")}:00 UTC` : ""}
                  </td>
                  <td className="muted">
                    {n ? `${n.sent} sent, ${n.pending + n.retrying} waiting, ${n.failed} failed` : "none"}
                  </td>
                  <td>
                    <ChannelRowActions
                      id={c.id}
                      test={testChannelAction}
                      remove={deleteChannelAction}
                      canWrite={canWrite}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
