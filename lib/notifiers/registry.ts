import { parseConfig } from "./config";
import { type EmailConfig, emailNotifier } from "./email";
import { type SlackConfig, slackNotifier } from "./slack";
import type { ChannelKind, DeliveryResult, NeutralMessage, Notifier, SendContext } from "./types";
import { type WebhookConfig, webhookNotifier } from "./webhook";

export interface ChannelConfigs {
  email: EmailConfig;
  slack: SlackConfig;
  webhook: WebhookConfig;
}

/** Exhaustive: adding a ChannelKind without a notifier is a type error. */
export const notifiers: { [K in ChannelKind]: Notifier<ChannelConfigs[K]> } = {
  email: emailNotifier,
  slack: slackNotifier,
  webhook: webhookNotifier,
};

/** Validates stored settings for a channel (NOTIFIER_CONFIG_INVALID, values never echoed). */
export function parseChannelConfig<K extends ChannelKind>(kind: K, raw: unknown): ChannelConfigs[K] {
  const notifier = notifiers[kind] as Notifier<ChannelConfigs[K]>;
  return parseConfig(notifier.configSchema, raw, kind);
}

/** What a delivery job calls: parse the stored config, then send. */
export async function deliver(
  kind: ChannelKind,
  rawConfig: unknown,
  message: NeutralMessage,
  ctx?: SendContext,
): Promise<DeliveryResult> {
  const notifier = notifiers[kind] as Notifier<unknown>;
  return notifier.send(parseChannelConfig(kind, rawConfig), message, ctx);
}

/** What the settings page's "Send test" calls. */
export async function testChannel(
  kind: ChannelKind,
  rawConfig: unknown,
  ctx?: SendContext,
): Promise<DeliveryResult> {
  const notifier = notifiers[kind] as Notifier<unknown>;
  return notifier.test(parseChannelConfig(kind, rawConfig), ctx);
}
