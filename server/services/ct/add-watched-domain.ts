import { eq } from "drizzle-orm";
import { type CtWatchedDomainRow, ctWatchedDomains } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { ConflictError } from "@/server/errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";
import { normaliseIssuers, normaliseWatchPattern } from "./watch-input";

export async function addWatchedDomain({
  ctx,
  actor,
  input,
}: {
  ctx: ServiceContext;
  actor: Actor;
  input: { pattern: unknown; allowedIssuers?: unknown };
}): Promise<CtWatchedDomainRow> {
  authorize(actor, "domain.write");
  const pattern = normaliseWatchPattern(input.pattern);
  const allowedIssuers = normaliseIssuers(input.allowedIssuers ?? []);
  const now = ctx.now?.() ?? new Date();
  return ctx.db.transaction((tx) => {
    const existing = tx.select().from(ctWatchedDomains).where(eq(ctWatchedDomains.pattern, pattern)).get();
    if (existing) throw new ConflictError(`${pattern} is already watched.`);
    const at = now.toISOString();
    const row = tx
      .insert(ctWatchedDomains)
      .values({ pattern, allowedIssuers, createdAt: at, updatedAt: at })
      .returning()
      .get();
    recordAudit(
      tx,
      actor,
      {
        action: "domain.watch",
        targetType: "ct_domain",
        targetId: row.id,
        details: { pattern, allowedIssuers },
      },
      now,
    );
    return row;
  });
}
