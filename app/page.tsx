import Link from "next/link";
import { EndpointTable } from "@/components/endpoint-table";
import { listEndpoints } from "@/db/queries/endpoints";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function EndpointsPage() {
  const actor = await requirePageActor();
  const items = listEndpoints(db());
  return (
    <>
      <div className="row">
        <h1>Endpoints</h1>
        {can(actor.role, "endpoint.create") ? (
          <Link href="/endpoints/new">
            <button type="button">Add endpoint</button>
          </Link>
        ) : null}
      </div>
      <EndpointTable items={items} now={new Date()} />
    </>
  );
}
