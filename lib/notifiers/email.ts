import { createHash } from "node:crypto";
import { createTransport } from "nodemailer";
import { z } from "zod";
import { timeoutOf } from "./config";
import { smtpError } from "./email-errors";
import { formatEmail } from "./format-email";
import {
  DEFAULT_TIMEOUT_MS,
  type DeliveryResult,
  type NeutralMessage,
  type Notifier,
  type SendContext,
} from "./types";

export const emailConfigSchema = z
  .object({
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(587),
    /** Implicit TLS from the first byte (port 465). */
    secure: z.boolean().default(false),
    /** Refuse to send unless STARTTLS succeeds: on by default so credentials never cross in clear. */
    requireTLS: z.boolean().default(true),
    user: z.string().max(256).optional(),
    pass: z.string().max(1024).optional(),
    from: z.string().min(3).max(320),
    to: z.array(z.email()).min(1).max(50),
    /** PEM of a private CA that signed the SMTP server's certificate. */
    tlsCaPem: z.string().max(100_000).optional(),
  })
  .refine((c) => !c.pass || c.user, { message: "a password needs a user name", path: ["user"] });
export type EmailConfig = z.infer<typeof emailConfigSchema>;

function transport(config: EmailConfig, timeoutMs: number) {
  return createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: !config.secure && config.requireTLS,
    auth: config.user ? { user: config.user, pass: config.pass ?? "" } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    tls: { minVersion: "TLSv1.2", ...(config.tlsCaPem ? { ca: config.tlsCaPem } : {}) },
  });
}

/** A stable Message-ID per alert, so a retried delivery can be recognised as the same message. */
function messageId(id: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "certwatch.invalid";
  return `<${createHash("sha256").update(id).digest("hex").slice(0, 32)}@${domain}>`;
}

async function send(
  config: EmailConfig,
  message: NeutralMessage,
  ctx?: SendContext,
): Promise<DeliveryResult> {
  const started = performance.now();
  const timeoutMs = timeoutOf(ctx, DEFAULT_TIMEOUT_MS);
  const t = transport(config, timeoutMs);
  const content = formatEmail(message);
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const info = await t.sendMail({
      from: config.from,
      to: config.to,
      ...content,
      messageId: messageId(message.id, config.from),
      headers: { "X-Certwatch-Event": message.event, "X-Certwatch-Severity": message.severity },
      signal: ctx?.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout,
    });
    return {
      kind: "email",
      status: null,
      providerMessageId: info.messageId ?? null,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (e) {
    throw smtpError(e, config, timeoutMs);
  } finally {
    t.close();
  }
}

async function test(config: EmailConfig, ctx?: SendContext): Promise<DeliveryResult> {
  const started = performance.now();
  const timeoutMs = timeoutOf(ctx, DEFAULT_TIMEOUT_MS);
  const t = transport(config, timeoutMs);
  try {
    // Connects, negotiates TLS and logs in without sending anything.
    await t.verify();
    return {
      kind: "email",
      status: null,
      providerMessageId: null,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (e) {
    throw smtpError(e, config, timeoutMs);
  } finally {
    t.close();
  }
}

export const emailNotifier: Notifier<EmailConfig> = {
  kind: "email",
  configSchema: emailConfigSchema,
  secretKeys: ["pass"],
  send,
  test,
};
