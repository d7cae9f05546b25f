import { acknowledgeSightingOp, sightingJson } from "@/server/http/operations/ct";
import { withApi } from "@/server/http/with-api";
import { acknowledgeSighting } from "@/server/services/ct/acknowledge-sighting";
import { readSighting } from "@/server/services/ct/read-ct";

export const dynamic = "force-dynamic";

export const POST = withApi(acknowledgeSightingOp, async ({ ctx, actor, params }) => {
  await acknowledgeSighting({ ctx, actor, id: params.id });
  return sightingJson(readSighting({ ctx, actor, id: params.id }));
});
