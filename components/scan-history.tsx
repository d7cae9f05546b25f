import type { ScanRow } from "@/db/schema";
import { GradeBadge, ScanStatus } from "./scan-status";

export function ScanHistory({ scans }: { scans: ScanRow[] }) {
  if (!scans.length) return <p className="muted">No scans yet: the first one is queued.</p>;
  return (
    <table data-testid="scan-history">
      <thead>
        <tr>
          <th>Started (UTC)</th>
          <th>Address</th>
          <th>Outcome</th>
          <th>Grade</th>
          <th>Duration</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {scans.map((s) => (
          <tr key={s.id}>
            <td className="mono">{s.startedAt.slice(0, 19).replace("T", " ")}</td>
            <td className="mono">{s.ip ?? "—"}</td>
            <td>
              <ScanStatus scan={s} />
            </td>
            <td>
              <GradeBadge grade={s.grade} />
            </td>
            <td className="num">{s.durationMs} ms</td>
            <td>
              {s.errorMessage ? <div>{s.errorMessage}</div> : null}
              {s.errorHint ? <div className="muted">{s.errorHint}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
