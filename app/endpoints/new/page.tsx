import { AddEndpointForm } from "@/components/add-endpoint-form";
import { Forbidden } from "@/components/forbidden";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { config } from "@/server/env";
import { createEndpointAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function NewEndpointPage({
  searchParams,
}: {
  searchParams: Promise<{ host?: string }>;
}) {
  const actor = await requirePageActor();
  if (!can(actor.role, "endpoint.create")) return <Forbidden role={actor.role} />;
  return (
    <>
      <h1>Add endpoint</h1>
      <AddEndpointForm
        action={createEndpointAction}
        defaultInterval={config().CERTWATCH_DEFAULT_INTERVAL_SECONDS}
        defaultHost={(await searchParams).host?.slice(0, 253)}
      />
    </>
  );
}
