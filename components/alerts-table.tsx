import Link from "next/link";
import type { AlertHistoryItem, DeliveryCell } from "@/db/queries/alerts";

const TONE: Record<string, string> = { critical: "bad", warning: "warn", info: "muted" };
const DELIVERY_TONE: Record<DeliveryCell["status"], string> = {
  sent: "ok",
  pending: "muted",
  retrying: "warn",
  failed: "bad",
};

function Delivery({ d }: { d: DeliveryCell }) {
  const title = [
    `${d.attempts} attempt${d.attempts === 1 ? "" : "s"}`,
    d.sentAt ? `sent ${d.sentAt.slice(0, 16).replace("T", " ")} UTC` : null,
    d.lastError,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <span className={`badge ${DELIVERY_TONE[d.status]}`} title={title} data-testid="delivery-status">
      {d.channelName}: {d.status}
    </span>
  );
}

/** Alert history with each channel's delivery status (hover a badge for attempts and the last error). */
export function AlertsTable({ items }: { items: AlertHistoryItem[] }) {
  if (items.length === 0) return <p className="muted">No alerts yet.</p>;
  return (
    <table data-testid="alerts-table">
      <thead>
        <tr>
          <th>When (UTC)</th>
          <th>Severity</th>
          <th>Alert</th>
          <th>Endpoint</th>
          <th>Delivery</th>
        </tr>
      </thead>
      <tbody>
        {items.map(({ alert: a, endpoint, deliveries }) => (
          <tr key={a.id} data-testid="alert-row" data-event={a.event}>
            <td className="muted">{a.createdAt.slice(0, 16).replace("T", " ")}</td>
            <td>
              <span className={`badge ${TONE[a.severity] ?? "muted"}`}>
                {a.status === "resolved" ? "resolved" : a.severity}
              </span>
            </td>
            <td>
              {a.title}
              {a.disposition === "passed" ? <span className="muted"> (not sent)</span> : null}
            </td>
            <td>
              {endpoint ? (
                <Link href={`/endpoints/${endpoint.id}`}>
                  {endpoint.host}:{endpoint.port}
                </Link>
              ) : (
                <span className="muted">—</span>
              )}
              {a.ip ? <span className="muted"> {a.ip}</span> : null}
            </td>
            <td>
              {deliveries.length ? (
                <div className="row">
                  {deliveries.map((d) => (
                    <Delivery key={d.channelId} d={d} />
                  ))}
                </div>
              ) : (
                <span className="muted">no channel</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
