import Link from "next/link";
import type { EndpointListItem } from "@/db/queries/endpoints";
import { DaysLeft } from "./days-left";
import { GradeBadge, ScanStatus } from "./scan-status";

export function EndpointTable({ items, now }: { items: EndpointListItem[]; now: Date }) {
  if (items.length === 0) {
    return (
      <div className="card">
        No endpoints yet. <Link href="/endpoints/new">Add the first one</Link>.
      </div>
    );
  }
  return (
    <table data-testid="endpoint-table">
      <thead>
        <tr>
          <th>Endpoint</th>
          <th>Days left</th>
          <th>Expires (UTC)</th>
          <th>Grade</th>
          <th>Status</th>
          <th>Last scan</th>
        </tr>
      </thead>
      <tbody>
        {items.map(({ endpoint: e, lastScan, notAfter }) => (
          <tr key={e.id} data-testid="endpoint-row" data-host={e.host} data-port={e.port}>
            <td>
              <Link href={`/endpoints/${e.id}`}>
                {e.host}:{e.port}
              </Link>
              {e.ip ? <div className="muted mono">via {e.ip}</div> : null}
              {e.tags.length ? <div className="muted">{e.tags.join(", ")}</div> : null}
            </td>
            <td className="num">
              <DaysLeft notAfter={notAfter} now={now} />
            </td>
            <td className="mono">{notAfter ? notAfter.slice(0, 16).replace("T", " ") : "—"}</td>
            <td>
              <GradeBadge grade={lastScan?.grade ?? null} />
            </td>
            <td>
              {e.enabled ? <ScanStatus scan={lastScan} /> : <span className="badge muted">paused</span>}
            </td>
            <td className="muted">
              {lastScan ? lastScan.finishedAt.slice(0, 19).replace("T", " ") : "never"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
