import { z } from "zod";
import { timeoutOf } from "./config";
import {
  DELIVERY_HEADER,
  formatWebhook,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from "./format-webhook";
import { postJson } from "./http-post";
import { testMessage } from "./render-message";
import {
  DEFAULT_TIMEOUT_MS,
  type DeliveryResult,
  type NeutralMessage,
  type Notifier,
  type SendContext,
} from "./types";

const RESERVED = new Set([
  "content-type",
  "content-length",
  "host",
  SIGNATURE_HEADER.toLowerCase(),
  TIMESTAMP_HEADER.toLowerCase(),
]);

export const webhookConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  /** Shared secret for the HMAC-SHA256 signature; at least 16 characters. */
  secret: z.string().min(16).max(512),
  /** Extra headers (e.g. Authorization); values are treated as secrets. */
  headers: z
    .record(
      z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
      z
        .string()
        .max(2048)
        .regex(/^[^\r\n]*$/),
    )
    .refine((h) => Object.keys(h).every((k) => !RESERVED.has(k.toLowerCase())), "reserved header name")
    .optional(),
});
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

async function send(
  config: WebhookConfig,
  message: NeutralMessage,
  ctx?: SendContext,
): Promise<DeliveryResult> {
  const started = performance.now();
  const rawBody = JSON.stringify(formatWebhook(message));
  const timestamp = String(Math.floor((ctx?.now?.() ?? new Date()).getTime() / 1000));
  const res = await postJson({
    url: config.url,
    body: rawBody,
    headers: {
      ...config.headers,
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signWebhook(config.secret, timestamp, rawBody),
      // Header values must be printable ASCII; ids are, but a custom scope might not be.
      [DELIVERY_HEADER]: message.id.replace(/[^\x20-\x7e]/g, (c) => encodeURIComponent(c)),
    },
    timeoutMs: timeoutOf(ctx, DEFAULT_TIMEOUT_MS),
    signal: ctx?.signal,
    secrets: [config.secret, ...Object.values(config.headers ?? {})],
    service: "the webhook",
  });
  return {
    kind: "webhook",
    status: res.status,
    providerMessageId: null,
    durationMs: Math.round(performance.now() - started),
  };
}

export const webhookNotifier: Notifier<WebhookConfig> = {
  kind: "webhook",
  configSchema: webhookConfigSchema,
  secretKeys: ["url", "secret", "headers"],
  send,
  test: (config, ctx) => send(config, testMessage(ctx?.now?.() ?? new Date(), { baseUrl: null }), ctx),
};
