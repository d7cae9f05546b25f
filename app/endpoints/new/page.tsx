import { AddEndpointForm } from "@/components/add-endpoint-form";
import { config } from "@/server/env";
import { createEndpointAction } from "../actions";

export const dynamic = "force-dynamic";

export default function NewEndpointPage() {
  return (
    <>
      <h1>Add endpoint</h1>
      <AddEndpointForm
        action={createEndpointAction}
        defaultInterval={config().CERTWATCH_DEFAULT_INTERVAL_SECONDS}
      />
    </>
  );
}
