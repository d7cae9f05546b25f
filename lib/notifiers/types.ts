import type { z } from "zod";

export const CHANNEL_KINDS = ["email", "slack", "webhook"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface MessageField {
  label: string;
  value: string;
}

/** Channel-neutral message: render-message builds it, each notifier formats it for its channel. */
export interface NeutralMessage {
  /** The dedupe key (or digest key): receivers can use it to drop duplicates after a retry. */
  id: string;
  kind: "alert" | "digest" | "test";
  event: string;
  status: "firing" | "resolved" | "info";
  severity: "info" | "warning" | "critical";
  title: string;
  /** What happened, in sentences. */
  summary: string[];
  fields: MessageField[];
  /** What to do about it. */
  advice: string | null;
  /** Absolute dashboard URL, null without a base URL. */
  link: string | null;
  occurredAt: string;
  /** Machine-readable details for the webhook body (the decision's facts and identifiers). */
  data: Record<string, unknown>;
}

export interface SendContext {
  /** Bound on the whole send (connect, TLS, request, response). Default 10 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Clock for webhook timestamps; injectable for tests. */
  now?: () => Date;
}

export interface DeliveryResult {
  kind: ChannelKind;
  /** HTTP status (Slack, webhook) or null (email). */
  status: number | null;
  /** SMTP message id or similar, when the channel gives one. */
  providerMessageId: string | null;
  durationMs: number;
}

/**
 * One contract for every channel. `send` resolves on delivery and rejects with a NotifierError
 * (NOTIFIER_UNREACHABLE, NOTIFIER_REJECTED, NOTIFIER_RATE_LIMITED, NOTIFIER_CONFIG_INVALID).
 * `test` checks a configuration from the settings page without sending an alert.
 */
export interface Notifier<Config> {
  kind: ChannelKind;
  configSchema: z.ZodType<Config, unknown>;
  /** Config keys whose values are secret (redacted from every error message). */
  secretKeys: readonly (keyof Config & string)[];
  send(config: Config, message: NeutralMessage, ctx?: SendContext): Promise<DeliveryResult>;
  test(config: Config, ctx?: SendContext): Promise<DeliveryResult>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
