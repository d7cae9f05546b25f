import { eq } from "drizzle-orm";
import { type CtSightingRow, ctSightings } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";

export async function acknowledgeSighting({
  ctx,
  actor,
  id,
}: {
  ctx: ServiceContext;
  actor: Actor;
  id: number;
}): Promise<CtSightingRow> {
  authorize(actor, "sighting.acknowledge");
  const now = ctx.now?.() ?? new Date();
  return ctx.db.transaction((tx) => {
    const row = tx
      .update(ctSightings)
      .set({
        status: "acknowledged",
        reason: `acknowledged by ${actor.label}`,
        acknowledgedBy: actor.label,
        acknowledgedAt: now.toISOString(),
      })
      .where(eq(ctSightings.id, id))
      .returning()
      .get();
    if (!row) throw new NotFoundError(`Sighting #${id}`);
    recordAudit(tx, actor, { action: "sighting.acknowledge", targetType: "ct_sighting", targetId: id }, now);
    return row;
  });
}
