import { and, eq } from "drizzle-orm";
import { ctSightings, ctWatchedDomains } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";
import { issuerAllowed } from "./classify-sighting";
import { normaliseIssuers } from "./watch-input";

/** Replaces a domain's allowed issuers; unexpected sightings from a now-allowed issuer become expected. */
export async function setAllowedIssuers({
  ctx,
  actor,
  id,
  issuers,
}: {
  ctx: ServiceContext;
  actor: Actor;
  id: number;
  issuers: unknown;
}): Promise<{ reclassified: number }> {
  authorize(actor, "domain.write");
  const allowedIssuers = normaliseIssuers(issuers);
  const now = ctx.now?.() ?? new Date();
  return ctx.db.transaction((tx) => {
    const row = tx
      .update(ctWatchedDomains)
      .set({ allowedIssuers, updatedAt: now.toISOString() })
      .where(eq(ctWatchedDomains.id, id))
      .returning()
      .get();
    if (!row) throw new NotFoundError(`Watched domain #${id}`);
    const open = tx
      .select({ id: ctSightings.id, issuer: ctSightings.issuer })
      .from(ctSightings)
      .where(and(eq(ctSightings.watchedDomainId, id), eq(ctSightings.status, "unexpected")))
      .all();
    const now_allowed = open.filter((s) => issuerAllowed(allowedIssuers, s.issuer));
    for (const s of now_allowed) {
      tx.update(ctSightings)
        .set({ status: "expected", reason: "issuer is on the allowed list" })
        .where(eq(ctSightings.id, s.id))
        .run();
    }
    recordAudit(
      tx,
      actor,
      { action: "domain.issuers", targetType: "ct_domain", targetId: id, details: { allowedIssuers } },
      now,
    );
    return { reclassified: now_allowed.length };
  });
}
