import { createChannelOp, listChannelsOp } from "@/server/http/operations/channels";
import { withApi } from "@/server/http/with-api";
import { createChannel } from "@/server/services/channel/create-channel";
import { listChannels } from "@/server/services/channel/read-channels";
import { webChannelContext } from "@/server/services/channel/web-channel-context";

export const dynamic = "force-dynamic";

export const GET = withApi(listChannelsOp, ({ ctx, actor }) => ({ data: listChannels({ ctx, actor }) }));

export const POST = withApi(createChannelOp, ({ actor, body }) =>
  createChannel({ ctx: webChannelContext(), actor, input: body }),
);
