import type { SightingItem } from "@/db/queries/ct";

const TONE: Record<string, string> = { unexpected: "bad", expected: "ok", acknowledged: "muted" };

function Entries({ item }: { item: SightingItem }) {
  return (
    <>
      {item.entries.map((e) => (
        <div key={`${e.logId}:${e.entryIndex}`} className="muted">
          {e.entryType === "crtsh"
            ? `crt.sh #${e.entryIndex}`
            : `${e.logName} #${e.entryIndex} (${e.entryType})`}
        </div>
      ))}
    </>
  );
}

/** The sightings feed: one row per issuance, with every log entry that showed it. */
export function CtSightingsTable({
  items,
  acknowledge,
  canAcknowledge,
}: {
  items: SightingItem[];
  acknowledge: (form: FormData) => Promise<void>;
  canAcknowledge: boolean;
}) {
  if (items.length === 0) return <p className="muted">No certificates seen for your watched domains yet.</p>;
  return (
    <table data-testid="ct-sightings">
      <thead>
        <tr>
          <th>First seen (UTC)</th>
          <th>Status</th>
          <th>Names</th>
          <th>Issuer</th>
          <th>Valid</th>
          <th>Seen in</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const s = item.sighting;
          return (
            <tr key={s.id} data-testid="ct-sighting" data-status={s.status}>
              <td className="muted">{s.firstSeenAt.slice(0, 16).replace("T", " ")}</td>
              <td>
                <span className={`badge ${TONE[s.status]}`} title={s.reason}>
                  {s.status}
                </span>
              </td>
              <td>{[...new Set([...s.dnsNames, ...s.commonNames])].join(", ")}</td>
              <td>{s.issuer}</td>
              <td className="muted">
                {s.notBefore?.slice(0, 10) ?? "?"} → {s.notAfter?.slice(0, 10) ?? "?"}
              </td>
              <td>
                <Entries item={item} />
              </td>
              <td>
                {s.status === "unexpected" && canAcknowledge ? (
                  <form action={acknowledge} className="inline">
                    <input type="hidden" name="id" value={s.id} />
                    <button type="submit" className="secondary">
                      Acknowledge
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
