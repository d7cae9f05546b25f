import { and, eq, ne } from "drizzle-orm";
import { channels } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { ConflictError, NotFoundError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import { parseChannelInput, parseKindConfig } from "./channel-input";
import { openChannelConfig, SECRET_MASK, sealSecrets, secretKeysOf, splitConfig } from "./channel-secrets";
import type { ChannelContext } from "./context";
import { type ChannelView, toChannelView } from "./read-channels";

/**
 * Secrets are write-only: a secret field left out, empty or still showing the mask keeps its stored
 * value, so the edit form never needs to show (or round-trip) a password or webhook URL.
 */
function mergeConfig(
  stored: Record<string, unknown>,
  incoming: Record<string, unknown> | undefined,
  secretKeys: readonly string[],
): Record<string, unknown> {
  if (!incoming) return stored;
  const merged: Record<string, unknown> = { ...incoming };
  for (const k of secretKeys) {
    const v = incoming[k];
    if (v === undefined || v === "" || v === SECRET_MASK) merged[k] = stored[k];
  }
  return merged;
}

export async function updateChannel({
  ctx,
  actor,
  id,
  input,
}: {
  ctx: ChannelContext;
  actor: Actor;
  id: number;
  input: Record<string, unknown>;
}): Promise<ChannelView> {
  authorize(actor, "channel.write");
  const current = ctx.db.select().from(channels).where(eq(channels.id, id)).get();
  if (!current) throw new NotFoundError(`Channel #${id}`);
  const stored = openChannelConfig(current, ctx.secretKey);
  const incoming = input.config as Record<string, unknown> | undefined;
  const config = mergeConfig(stored, incoming, secretKeysOf(current.kind));
  const data = parseChannelInput({ ...current, ...input, kind: current.kind, config });
  const valid = parseKindConfig(current.kind, data.config);
  const clash = ctx.db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.name, data.name), ne(channels.id, id)))
    .get();
  if (clash) throw new ConflictError(`A channel named "${data.name}" exists already (#${clash.id}).`);
  const { plain, secret } = splitConfig(current.kind, valid);
  const now = ctx.now?.() ?? new Date();
  const row = ctx.db.transaction((tx) => {
    const r = tx
      .update(channels)
      .set({
        ...data,
        kind: current.kind,
        config: plain,
        secrets: sealSecrets(secret, ctx.secretKey, id),
        updatedAt: now.toISOString(),
      })
      .where(eq(channels.id, id))
      .returning()
      .get();
    const changedSecrets = secretKeysOf(current.kind).filter(
      (k) => JSON.stringify(stored[k]) !== JSON.stringify(valid[k]),
    );
    const details = { name: r.name, events: r.events, tags: r.tags, enabled: r.enabled, changedSecrets };
    recordAudit(tx, actor, { action: "channel.update", targetType: "channel", targetId: id, details }, now);
    return r;
  });
  return toChannelView(row);
}
