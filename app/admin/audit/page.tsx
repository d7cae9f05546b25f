import Link from "next/link";
import { Forbidden } from "@/components/forbidden";
import { listAudit } from "@/db/queries/audit";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

const PAGE = 100;

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor.role, "audit.read")) return <Forbidden role={actor.role} />;
  const before = Number((await searchParams).before);
  const rows = listAudit(db(), {
    limit: PAGE,
    beforeId: Number.isInteger(before) && before > 0 ? before : undefined,
  });
  return (
    <>
      <h1>Audit log</h1>
      <table data-testid="audit-table">
        <thead>
          <tr>
            <th>When (UTC)</th>
            <th>Who</th>
            <th>Action</th>
            <th>Target</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="audit-row">
              <td className="mono">{r.at.slice(0, 19).replace("T", " ")}</td>
              <td>{r.actorLabel}</td>
              <td className="mono">{r.action}</td>
              <td>
                {r.targetType} {r.targetId ? `#${r.targetId}` : ""}
              </td>
              <td className="mono">{r.details ? JSON.stringify(r.details) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === PAGE ? (
        <Link href={`/admin/audit?before=${rows.at(-1)?.id}`}>Older entries</Link>
      ) : null}
    </>
  );
}
