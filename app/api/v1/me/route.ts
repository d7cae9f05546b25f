import { meOp } from "@/server/http/operations/meta";
import { withApi } from "@/server/http/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi(meOp, ({ actor }) => ({
  userId: actor.userId,
  email: actor.label,
  role: actor.role,
  via: actor.kind,
}));
