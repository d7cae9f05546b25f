import { eq } from "drizzle-orm";
import { ctWatchedDomains } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";

/** Stops watching; sightings stay (their domain link is cleared) so the history is not lost. */
export async function removeWatchedDomain({
  ctx,
  actor,
  id,
}: {
  ctx: ServiceContext;
  actor: Actor;
  id: number;
}): Promise<void> {
  authorize(actor, "domain.write");
  const now = ctx.now?.() ?? new Date();
  ctx.db.transaction((tx) => {
    const gone = tx.delete(ctWatchedDomains).where(eq(ctWatchedDomains.id, id)).returning().get();
    if (!gone) throw new NotFoundError(`Watched domain #${id}`);
    recordAudit(
      tx,
      actor,
      { action: "domain.unwatch", targetType: "ct_domain", targetId: id, details: { pattern: gone.pattern } },
      now,
    );
  });
}
