import { asc, eq } from "drizzle-orm";
import { type ChannelRow, channels } from "@/db/schema";
import type { ChannelKind } from "@/lib/notifiers";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import { maskedConfig } from "./channel-secrets";
import type { ChannelContext } from "./context";

/** A channel as the UI and API see it: secrets masked, never decrypted. */
export interface ChannelView {
  id: number;
  kind: ChannelKind;
  name: string;
  config: Record<string, unknown>;
  events: string[];
  tags: string[];
  enabled: boolean;
  digest: boolean;
  digestHourUtc: number;
  createdAt: string;
  updatedAt: string;
}

export function toChannelView(r: ChannelRow): ChannelView {
  const { secrets: _sealed, config: _config, ...rest } = r;
  return { ...rest, config: maskedConfig(r) };
}

export function listChannels({
  ctx,
  actor,
}: {
  ctx: Pick<ChannelContext, "db">;
  actor: Actor;
}): ChannelView[] {
  authorize(actor, "channel.read");
  return ctx.db.select().from(channels).orderBy(asc(channels.name)).all().map(toChannelView);
}

export function getChannel({
  ctx,
  actor,
  id,
}: {
  ctx: Pick<ChannelContext, "db">;
  actor: Actor;
  id: number;
}): ChannelView {
  authorize(actor, "channel.read");
  const r = ctx.db.select().from(channels).where(eq(channels.id, id)).get();
  if (!r) throw new NotFoundError(`Channel #${id}`);
  return toChannelView(r);
}
