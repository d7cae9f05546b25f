import { deleteChannelOp, getChannelOp, updateChannelOp } from "@/server/http/operations/channels";
import { withApi } from "@/server/http/with-api";
import { deleteChannel } from "@/server/services/channel/delete-channel";
import { getChannel } from "@/server/services/channel/read-channels";
import { updateChannel } from "@/server/services/channel/update-channel";
import { webChannelContext } from "@/server/services/channel/web-channel-context";

export const dynamic = "force-dynamic";

export const GET = withApi(getChannelOp, ({ ctx, actor, params }) =>
  getChannel({ ctx, actor, id: params.id }),
);

export const PATCH = withApi(updateChannelOp, ({ actor, params, body }) =>
  updateChannel({ ctx: webChannelContext(), actor, id: params.id, input: body }),
);

export const DELETE = withApi(deleteChannelOp, ({ ctx, actor, params }) => {
  deleteChannel({ ctx, actor, id: params.id });
});
