import { z } from "zod";
import { ALERT_EVENT_KINDS } from "@/lib/alerts/types";
import { CHANNEL_KINDS } from "@/lib/notifiers";
import { defineOperation } from "../operation";
import { idParams, isoTime } from "./common";

const T = "Channels";

const configDoc = z
  .record(z.string(), z.unknown())
  .describe(
    "Settings of the kind. email: host, port, secure, requireTLS, user, pass, from, to[], tlsCaPem. " +
      "slack: url. webhook: url, secret (16+ characters), headers. Secret fields (pass, Slack/webhook url, " +
      "secret, headers) are write-only: responses show a mask, and a PATCH that omits them keeps them.",
  );

/** Wire shape only; the channel service validates the settings per kind → 422 with `config.<field>`. */
const routing = {
  name: z.string().max(100),
  config: configDoc,
  events: z
    .array(z.enum(ALERT_EVENT_KINDS))
    .max(ALERT_EVENT_KINDS.length)
    .describe("Events routed here; empty = all"),
  tags: z.array(z.string().max(64)).max(50).describe("Only endpoints with one of these tags; empty = all"),
  enabled: z.boolean(),
  digest: z.boolean().describe("Also send a daily digest of the alerts routed here"),
  digestHourUtc: z.number().int(),
};

export const channelOut = z.object({
  id: z.number().int(),
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  config: z.record(z.string(), z.unknown()).describe("Secret fields are replaced by a mask"),
  events: z.array(z.string()),
  tags: z.array(z.string()),
  enabled: z.boolean(),
  digest: z.boolean(),
  digestHourUtc: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const listChannelsOp = defineOperation({
  id: "listChannels",
  method: "GET",
  path: "/channels",
  summary: "Alert channels (secrets masked, never returned)",
  tag: T,
  action: "channel.read",
  response: z.object({ data: z.array(channelOut) }),
});

export const createChannelOp = defineOperation({
  id: "createChannel",
  method: "POST",
  path: "/channels",
  summary: "Add an alert channel (admin)",
  tag: T,
  action: "channel.write",
  body: z.strictObject({
    kind: z.enum(CHANNEL_KINDS),
    ...routing,
    events: routing.events.optional(),
    tags: routing.tags.optional(),
    enabled: routing.enabled.optional(),
    digest: routing.digest.optional(),
    digestHourUtc: routing.digestHourUtc.optional(),
  }),
  response: channelOut,
  status: 201,
});

export const getChannelOp = defineOperation({
  id: "getChannel",
  method: "GET",
  path: "/channels/{id}",
  summary: "One alert channel (secrets masked)",
  tag: T,
  action: "channel.read",
  params: idParams,
  response: channelOut,
});

export const updateChannelOp = defineOperation({
  id: "updateChannel",
  method: "PATCH",
  path: "/channels/{id}",
  summary: "Change a channel (only the fields sent; the kind is fixed; omitted secrets are kept) (admin)",
  tag: T,
  action: "channel.write",
  params: idParams,
  body: z.strictObject(routing).partial(),
  response: channelOut,
});

export const deleteChannelOp = defineOperation({
  id: "deleteChannel",
  method: "DELETE",
  path: "/channels/{id}",
  summary: "Delete a channel and its delivery records (admin)",
  tag: T,
  action: "channel.write",
  params: idParams,
  status: 204,
});

export const testChannelOp = defineOperation({
  id: "testChannel",
  method: "POST",
  path: "/channels/{id}/test",
  summary: "Send a real test message; a failed send is a result (ok: false), not an error (admin)",
  tag: T,
  action: "channel.test",
  params: idParams,
  response: z.object({
    ok: z.boolean(),
    message: z.string().describe("Human text; never holds a secret"),
    code: z.string().nullable(),
    durationMs: z.number().nullable(),
  }),
});
