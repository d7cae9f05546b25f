import { eq } from "drizzle-orm";
import { channels } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { ConflictError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import { parseChannelInput, parseKindConfig } from "./channel-input";
import { sealSecrets, splitConfig } from "./channel-secrets";
import type { ChannelContext } from "./context";
import { type ChannelView, toChannelView } from "./read-channels";

export async function createChannel({
  ctx,
  actor,
  input,
}: {
  ctx: ChannelContext;
  actor: Actor;
  input: unknown;
}): Promise<ChannelView> {
  authorize(actor, "channel.write");
  const data = parseChannelInput(input);
  const config = parseKindConfig(data.kind, data.config);
  const clash = ctx.db.select({ id: channels.id }).from(channels).where(eq(channels.name, data.name)).get();
  if (clash) throw new ConflictError(`A channel named "${data.name}" exists already (#${clash.id}).`);
  const { plain, secret } = splitConfig(data.kind, config);
  const now = ctx.now?.() ?? new Date();
  const at = now.toISOString();
  const row = ctx.db.transaction((tx) => {
    const r = tx
      .insert(channels)
      .values({ ...data, config: plain, secrets: null, createdAt: at, updatedAt: at })
      .returning()
      .get();
    // The id is part of the sealed secret's associated data, so seal once the row exists.
    const sealed = sealSecrets(secret, ctx.secretKey, r.id);
    const done = tx.update(channels).set({ secrets: sealed }).where(eq(channels.id, r.id)).returning().get();
    const details = {
      kind: r.kind,
      name: r.name,
      events: r.events,
      tags: r.tags,
      secrets: Object.keys(secret),
    };
    recordAudit(tx, actor, { action: "channel.create", targetType: "channel", targetId: r.id, details }, now);
    return done;
  });
  return toChannelView(row);
}
