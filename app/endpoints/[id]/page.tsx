import Link from "next/link";
import { notFound } from "next/navigation";
import { CertificateFactsView } from "@/components/certificate-facts";
import { ChainTable } from "@/components/chain-table";
import { GradeBreakdown } from "@/components/grade-breakdown";
import { HistoryChart } from "@/components/history-chart";
import { ProtocolTable } from "@/components/protocol-table";
import { RevocationView } from "@/components/revocation-view";
import { ScanHistory } from "@/components/scan-history";
import { GradeBadge, ScanStatus } from "@/components/scan-status";
import { getEndpoint, latestScansFor, listScans } from "@/db/queries/endpoints";
import { toHistoryPoints } from "@/db/queries/scan-history";
import type { Assessment } from "@/lib/assessment/types";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { scanNowAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const d = db();
  const e = getEndpoint(d, id);
  if (!e) notFound();
  const latest = latestScansFor(d, id);
  const now = new Date();
  return (
    <>
      <div className="row">
        <h1 data-testid="endpoint-title">
          {e.host}:{e.port}
        </h1>
        {can(actor.role, "endpoint.scan") ? (
          <form action={scanNowAction}>
            <input type="hidden" name="id" value={e.id} />
            <button type="submit" className="secondary">
              Scan now
            </button>
          </form>
        ) : null}
      </div>
      <p className="muted">
        <Link href={`/endpoints/${e.id}/alerts`}>Alert policy and history</Link> ·{" "}
        {e.ip ? `via ${e.ip} · ` : ""}
        {e.sni ? `SNI ${e.sni} · ` : ""}every {e.intervalSeconds} s{e.caPem ? " · private CA" : ""}
        {e.tags.length ? ` · ${e.tags.join(", ")}` : ""}
      </p>
      {latest.map((s) => {
        const a = s.facts as Omit<Assessment, "chainDer"> | null;
        return (
          <section key={s.id} className="card" data-testid="address-card">
            <div className="row">
              <h2>Address {s.ip ?? "unresolved"}</h2>
              <span>
                <ScanStatus scan={s} /> <GradeBadge grade={s.grade} />
              </span>
            </div>
            {a?.error ? (
              <div className="alert" role="alert">
                <strong>{a.error.code}</strong>: {a.error.message}
                {a.error.hint ? <div>{a.error.hint}</div> : null}
              </div>
            ) : null}
            {a?.certificate ? <CertificateFactsView c={a.certificate} now={now} /> : null}
            {a?.negotiated ? (
              <p className="muted">
                Negotiated {a.negotiated.protocol} with {a.negotiated.cipher}
              </p>
            ) : null}
            {a?.chain ? (
              <>
                <h2>Chain</h2>
                <ChainTable chain={a.chain} now={now} />
              </>
            ) : null}
            {a ? (
              <>
                <h2>Revocation</h2>
                <RevocationView r={a.revocation} />
                <h2>Grade</h2>
                <GradeBreakdown
                  grade={a.grade}
                  unavailableReason={a.gradeUnavailableReason}
                  mozilla={a.mozillaProfile}
                />
                <h2>Protocols and cipher suites</h2>
                <ProtocolTable a={a} />
              </>
            ) : null}
          </section>
        );
      })}
      <h2>Scan history</h2>
      <HistoryChart points={toHistoryPoints(listScans(d, id, 500))} />
      <ScanHistory scans={listScans(d, id)} />
    </>
  );
}
