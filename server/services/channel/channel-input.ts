import { z } from "zod";
import { ALERT_EVENT_KINDS } from "@/lib/alerts/types";
import { CHANNEL_KINDS, type ChannelKind, notifiers } from "@/lib/notifiers";
import { ValidationError } from "@/server/errors";

export const channelInputSchema = z.object({
  kind: z.enum(CHANNEL_KINDS),
  name: z.string().trim().min(1, "Give the channel a name").max(100),
  config: z.record(z.string(), z.unknown()),
  /** Events routed here; empty = all. */
  events: z.array(z.enum(ALERT_EVENT_KINDS)).max(ALERT_EVENT_KINDS.length).default([]),
  /** Only endpoints with one of these tags; empty = all endpoints (and CT alerts). */
  tags: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  enabled: z.boolean().default(true),
  digest: z.boolean().default(false),
  digestHourUtc: z.number().int().min(0).max(23).default(7),
});
export type ChannelInput = z.infer<typeof channelInputSchema>;

function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ""): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) {
    const key = prefix + (i.path.join(".") || "config");
    // zod messages name the rule, never the rejected value: safe for secrets.
    out[key] = [...(out[key] ?? []), i.message];
  }
  return out;
}

export function parseChannelInput(input: unknown): ChannelInput {
  const parsed = channelInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error.issues));
  return parsed.data;
}

/** Validates a channel's settings with its notifier's schema; errors point at `config.<field>`. */
export function parseKindConfig(kind: ChannelKind, config: unknown): Record<string, unknown> {
  const parsed = notifiers[kind].configSchema.safeParse(config);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error.issues, "config."));
  return parsed.data as Record<string, unknown>;
}
