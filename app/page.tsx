import Link from "next/link";
import { EndpointTable } from "@/components/endpoint-table";
import { listEndpoints } from "@/db/queries/endpoints";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

export default function EndpointsPage() {
  const items = listEndpoints(db());
  return (
    <>
      <div className="row">
        <h1>Endpoints</h1>
        <Link href="/endpoints/new">
          <button type="button">Add endpoint</button>
        </Link>
      </div>
      <EndpointTable items={items} now={new Date()} />
    </>
  );
}
