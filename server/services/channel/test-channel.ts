import { eq } from "drizzle-orm";
import { channels } from "@/db/schema";
import { isCertwatchError } from "@/lib/errors";
import { deliver, scrubSecrets, testMessage } from "@/lib/notifiers";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import { openChannelConfig, secretStrings } from "./channel-secrets";
import type { ChannelContext } from "./context";

export interface ChannelTestResult {
  ok: boolean;
  /** Human text for the settings page; never holds a secret. */
  message: string;
  code: string | null;
  durationMs: number | null;
}

/**
 * The "Send test" button: sends a real test message (for email too, so recipients and the sender
 * address are proven, not just the login). Failures come back as a result, not a thrown error.
 */
export async function testChannelById({
  ctx,
  actor,
  id,
}: {
  ctx: ChannelContext;
  actor: Actor;
  id: number;
}): Promise<ChannelTestResult> {
  authorize(actor, "channel.test");
  const row = ctx.db.select().from(channels).where(eq(channels.id, id)).get();
  if (!row) throw new NotFoundError(`Channel #${id}`);
  let config: Record<string, unknown> = {};
  try {
    config = openChannelConfig(row, ctx.secretKey);
    const message = testMessage(ctx.now?.() ?? new Date(), { baseUrl: ctx.baseUrl ?? null });
    const r = await deliver(row.kind, config, message, { timeoutMs: ctx.timeoutMs ?? 10_000 });
    return {
      ok: true,
      message: `Test message delivered to ${row.name}.`,
      code: null,
      durationMs: r.durationMs,
    };
  } catch (e) {
    if (!isCertwatchError(e)) throw e;
    const text = scrubSecrets([e.message, e.hint].filter(Boolean).join(" "), secretStrings(row.kind, config));
    return { ok: false, message: text, code: e.code, durationMs: null };
  }
}
