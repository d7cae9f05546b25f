import { z } from "zod";
import { timeoutOf } from "./config";
import { formatSlack } from "./format-slack";
import { postJson } from "./http-post";
import { testMessage } from "./render-message";
import {
  DEFAULT_TIMEOUT_MS,
  type DeliveryResult,
  type NeutralMessage,
  type Notifier,
  type SendContext,
} from "./types";

export const slackConfigSchema = z.object({
  /** Incoming webhook URL (https://hooks.slack.com/services/…): it is the credential. */
  url: z.url({ protocol: /^https?$/ }).max(2048),
});
export type SlackConfig = z.infer<typeof slackConfigSchema>;

async function send(
  config: SlackConfig,
  message: NeutralMessage,
  ctx?: SendContext,
): Promise<DeliveryResult> {
  const started = performance.now();
  const res = await postJson({
    url: config.url,
    body: JSON.stringify(formatSlack(message)),
    headers: {},
    timeoutMs: timeoutOf(ctx, DEFAULT_TIMEOUT_MS),
    signal: ctx?.signal,
    secrets: [],
    service: "Slack",
  });
  return {
    kind: "slack",
    status: res.status,
    providerMessageId: null,
    durationMs: Math.round(performance.now() - started),
  };
}

export const slackNotifier: Notifier<SlackConfig> = {
  kind: "slack",
  configSchema: slackConfigSchema,
  secretKeys: ["url"],
  send,
  test: (config, ctx) => send(config, testMessage(ctx?.now?.() ?? new Date(), { baseUrl: null }), ctx),
};
