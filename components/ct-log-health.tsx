import type { LogHealthItem } from "@/db/queries/ct";

function health(i: LogHealthItem, maxLagMinutes: number): [string, string] {
  if (i.log.misbehavingAt) return ["misbehaving", "bad"];
  if (!i.log.tailed) return ["not tailed", "muted"];
  if (i.minutesSinceSuccess === null) return ["not yet read", "warn"];
  if (i.minutesSinceSuccess > maxLagMinutes) return ["behind", "warn"];
  return ["ok", "ok"];
}

/** Per log: state, entries behind, time since the last verified pass, and the last error. */
export function CtLogHealth({ items, maxLagMinutes }: { items: LogHealthItem[]; maxLagMinutes: number }) {
  if (items.length === 0) return <p className="muted">No logs yet: the log list has not been loaded.</p>;
  return (
    <table data-testid="ct-log-health">
      <thead>
        <tr>
          <th>Log</th>
          <th>Type</th>
          <th>List state</th>
          <th>Health</th>
          <th>Verified position</th>
          <th>Entries behind</th>
          <th>Last success</th>
          <th>Last error</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => {
          const [label, tone] = health(i, maxLagMinutes);
          return (
            <tr key={i.log.logId} data-testid="ct-log-row">
              <td title={i.log.url}>
                {i.log.description} <span className="muted">({i.log.operator})</span>
              </td>
              <td>{i.log.kind}</td>
              <td>{i.log.listState ?? "—"}</td>
              <td>
                <span className={`badge ${tone}`}>{label}</span>
              </td>
              <td>{i.log.position?.toLocaleString("en-US") ?? "—"}</td>
              <td>{i.behind?.toLocaleString("en-US") ?? "—"}</td>
              <td className="muted">
                {i.minutesSinceSuccess === null ? "never" : `${i.minutesSinceSuccess} min ago`}
              </td>
              <td className="muted" title={i.log.lastErrorAt ?? ""}>
                {i.log.lastErrorCode ? `${i.log.lastErrorCode}: ${i.log.lastError}` : "—"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
