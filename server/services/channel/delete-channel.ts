import { eq } from "drizzle-orm";
import { channels } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import type { ChannelContext } from "./context";

/** Deletes the channel and (by cascade) its delivery rows; a queued job for one finds nothing and stops. */
export function deleteChannel({
  ctx,
  actor,
  id,
}: {
  ctx: Pick<ChannelContext, "db" | "now">;
  actor: Actor;
  id: number;
}): void {
  authorize(actor, "channel.write");
  const now = ctx.now?.() ?? new Date();
  ctx.db.transaction((tx) => {
    const r = tx.delete(channels).where(eq(channels.id, id)).returning().get();
    if (!r) throw new NotFoundError(`Channel #${id}`);
    const details = { kind: r.kind, name: r.name };
    recordAudit(tx, actor, { action: "channel.delete", targetType: "channel", targetId: id, details }, now);
  });
}
