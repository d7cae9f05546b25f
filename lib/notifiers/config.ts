import type { z } from "zod";
import { NotifierError, scrubSecrets } from "./errors";

export const MIN_TIMEOUT_MS = 100;

/** Validates a channel config; the error names the fields and never echoes their values. */
export function parseConfig<C>(schema: z.ZodType<C, unknown>, raw: unknown, kind: string): C {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const secrets = collectStrings(raw);
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`)
    .join("; ");
  throw new NotifierError(
    "NOTIFIER_CONFIG_INVALID",
    `Invalid ${kind} channel settings: ${scrubSecrets(problems, secrets)}`,
    "Fix the highlighted fields in the channel settings and send a test message.",
    { retryable: false },
  );
}

function collectStrings(raw: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 3 || out.length > 50) return out;
  if (typeof raw === "string") out.push(raw);
  else if (raw && typeof raw === "object")
    for (const v of Object.values(raw)) collectStrings(v, out, depth + 1);
  return out;
}

export function timeoutOf(ctx: { timeoutMs?: number } | undefined, fallback: number): number {
  return Math.max(MIN_TIMEOUT_MS, ctx?.timeoutMs ?? fallback);
}
