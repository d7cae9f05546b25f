import Link from "next/link";
import { CtLogHealth } from "@/components/ct-log-health";
import { Forbidden } from "@/components/forbidden";
import { listLogHealth, listWatchedDomains, logListStatus } from "@/db/queries/ct";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { config } from "@/server/env";

export const dynamic = "force-dynamic";

export default async function CtLogsPage() {
  const actor = await requirePageActor();
  if (!can(actor.role, "sighting.read")) return <Forbidden role={actor.role} />;
  const list = logListStatus(db());
  const logs = listLogHealth(db());
  const crtsh = listWatchedDomains(db());
  return (
    <>
      <div className="row">
        <h1>CT log health</h1>
        <Link href="/ct">Sightings</Link>
      </div>
      <h2>Log list</h2>
      {list ? (
        <p data-testid="ct-log-list-status">
          {list.source} — version {list.version ?? "?"}, {list.logCount} logs, {list.tailedCount} tailed
          {list.signatureVerified ? ", signature verified" : ", signature not checked"}.{" "}
          <span className="muted">
            Last loaded {list.lastSuccessAt?.slice(0, 16).replace("T", " ") ?? "never"} UTC.
          </span>
          {list.lastError ? (
            <span className="field-error"> Last attempt failed: {list.lastError}</span>
          ) : null}
        </p>
      ) : (
        <p className="muted">Not loaded yet (it loads once a domain is watched).</p>
      )}
      <h2>Logs</h2>
      <CtLogHealth items={logs} maxLagMinutes={config().CERTWATCH_CT_MAX_LAG_MINUTES} />
      <h2>crt.sh</h2>
      <table data-testid="crtsh-status">
        <thead>
          <tr>
            <th>Domain</th>
            <th>Last success</th>
            <th>Last answer</th>
            <th>Last error</th>
          </tr>
        </thead>
        <tbody>
          {crtsh.map(({ domain, crtsh: s }) => (
            <tr key={domain.id}>
              <td>{domain.pattern}</td>
              <td className="muted">{s?.lastSuccessAt?.slice(0, 16).replace("T", " ") ?? "never"}</td>
              <td>
                {s?.rowCount != null
                  ? `${s.rowCount} rows, ${s.recordCount} matching${s.truncated ? " — truncated at 10,000: split the query" : ""}`
                  : "—"}
              </td>
              <td className="muted">{s?.lastError ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
