import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters.`)
  .max(MAX_PASSWORD, `Use at most ${MAX_PASSWORD} characters.`);

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~20 ms here, cheap enough for 2 cores.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/** Hash work for unknown accounts, so response time does not reveal which emails exist. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword("certwatch-dummy-password");
  await verifyPassword(await dummy, password);
}
