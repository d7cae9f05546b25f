import Link from "next/link";
import { CtAddDomainForm, CtIssuersForm } from "@/components/ct-domain-forms";
import { CtSightingsTable } from "@/components/ct-sightings-table";
import { Forbidden } from "@/components/forbidden";
import { discoverySuggestions, listSightings, listWatchedDomains } from "@/db/queries/ct";
import { SIGHTING_STATUSES, type SightingStatus } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { acknowledgeAction, addDomainAction, removeDomainAction, setIssuersAction } from "./actions";

export const dynamic = "force-dynamic";

type Search = Promise<{ status?: string; domain?: string }>;

export default async function CtPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePageActor();
  if (!can(actor.role, "sighting.read")) return <Forbidden role={actor.role} />;
  const q = await searchParams;
  const status = SIGHTING_STATUSES.includes(q.status as SightingStatus)
    ? (q.status as SightingStatus)
    : undefined;
  const domainId = Number(q.domain) || undefined;
  const domains = listWatchedDomains(db());
  const sightings = listSightings(db(), { status, domainId, limit: 300 });
  const suggestions = discoverySuggestions(db());
  const canWrite = can(actor.role, "domain.write");
  return (
    <>
      <div className="row">
        <h1>Certificate Transparency</h1>
        <Link href="/ct/logs">Log health</Link>
      </div>
      <h2>Watched domains</h2>
      {domains.length === 0 ? (
        <p className="muted">No domain is watched, so the CT watcher is idle.</p>
      ) : (
        <table data-testid="ct-domains">
          <thead>
            <tr>
              <th>Domain</th>
              <th>Allowed issuers</th>
              <th>crt.sh</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {domains.map(({ domain: d, crtsh }) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/ct?domain=${d.id}`}>{d.pattern}</Link>
                </td>
                <td>
                  {canWrite ? (
                    <CtIssuersForm id={d.id} issuers={d.allowedIssuers} action={setIssuersAction} />
                  ) : (
                    d.allowedIssuers.join(", ") || "—"
                  )}
                </td>
                <td className="muted">
                  {crtsh?.lastError
                    ? `failing: ${crtsh.lastError}`
                    : crtsh?.lastSuccessAt
                      ? `ok, ${crtsh.recordCount} certificates${crtsh.truncated ? " (truncated by crt.sh)" : ""}`
                      : "not asked yet"}
                </td>
                <td>
                  {canWrite ? (
                    <form action={removeDomainAction} className="inline">
                      <input type="hidden" name="id" value={d.id} />
                      <button type="submit" className="secondary">
                        Stop watching
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite ? <CtAddDomainForm action={addDomainAction} /> : null}
      <h2>Sightings</h2>
      <p className="muted">
        Show:{" "}
        {["all", ...SIGHTING_STATUSES].map((s) => (
          <span key={s}>
            <Link href={s === "all" ? "/ct" : `/ct?status=${s}`}>{s}</Link>{" "}
          </span>
        ))}
        · Expected = the certificate or its key is on a monitored endpoint, or its issuer is allowed.
      </p>
      <CtSightingsTable
        items={sightings}
        acknowledge={acknowledgeAction}
        canAcknowledge={can(actor.role, "sighting.acknowledge")}
      />
      <h2>Names seen in CT that no endpoint monitors</h2>
      {suggestions.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul data-testid="ct-suggestions">
          {suggestions.map((s) => (
            <li key={s.name}>
              {s.name} <span className="muted">({s.sightings} certificate(s))</span>{" "}
              <Link href={`/endpoints/new?host=${encodeURIComponent(s.name)}`}>add as endpoint</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
