import { testChannelOp } from "@/server/http/operations/channels";
import { withApi } from "@/server/http/with-api";
import { testChannelById } from "@/server/services/channel/test-channel";
import { webChannelContext } from "@/server/services/channel/web-channel-context";

export const dynamic = "force-dynamic";

export const POST = withApi(testChannelOp, ({ actor, params }) =>
  testChannelById({ ctx: webChannelContext(), actor, id: params.id }),
);
