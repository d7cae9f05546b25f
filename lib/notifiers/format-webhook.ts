import { createHmac, timingSafeEqual } from "node:crypto";
import type { NeutralMessage } from "./types";

export const SIGNATURE_HEADER = "X-Certwatch-Signature";
export const TIMESTAMP_HEADER = "X-Certwatch-Timestamp";
export const DELIVERY_HEADER = "X-Certwatch-Delivery";

/** The JSON body of a generic webhook; documented in README.md. */
export function formatWebhook(m: NeutralMessage): Record<string, unknown> {
  return {
    version: 1,
    id: m.id,
    type: m.kind,
    event: m.event,
    status: m.status,
    severity: m.severity,
    title: m.title,
    summary: m.summary,
    fields: m.fields,
    advice: m.advice,
    link: m.link,
    occurredAt: m.occurredAt,
    data: m.data,
  };
}

/** sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>; the timestamp lets receivers refuse replays. */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

/** Receiver-side check (also what the README shows): constant-time compare plus a freshness window. */
export function verifyWebhookSignature(input: {
  secret: string;
  rawBody: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): boolean {
  if (!input.signature || !input.timestamp || !/^\d{1,12}$/.test(input.timestamp)) return false;
  const age = Math.abs((input.now ?? new Date()).getTime() / 1000 - Number(input.timestamp));
  if (age > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(input.secret, input.timestamp, input.rawBody));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
