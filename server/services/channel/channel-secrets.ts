import type { ChannelRow } from "@/db/schema";
import { CertwatchError } from "@/lib/errors";
import { type ChannelKind, notifiers } from "@/lib/notifiers";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";

/** What list/get show instead of a stored secret. */
export const SECRET_MASK = "••••••••";

interface SealedSecrets {
  /** Names of the secret fields that are set: not secret, lets the UI show "set" without decrypting. */
  fields: string[];
  box: string;
}

export function secretKeysOf(kind: ChannelKind): readonly string[] {
  return notifiers[kind].secretKeys;
}

/** Splits a validated config into what may be stored in clear and what must be sealed. */
export function splitConfig(
  kind: ChannelKind,
  config: Record<string, unknown>,
): { plain: Record<string, unknown>; secret: Record<string, unknown> } {
  const keys = new Set(secretKeysOf(kind));
  const plain: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if (v === undefined) continue;
    if (keys.has(k)) secret[k] = v;
    else plain[k] = v;
  }
  return { plain, secret };
}

function context(channelId: number): string {
  return `channel:${channelId}:config`;
}

/** Sealed with the channel id as associated data: copied into another row it will not decrypt. */
export function sealSecrets(secret: Record<string, unknown>, key: Buffer, channelId: number): string | null {
  const fields = Object.keys(secret);
  if (fields.length === 0) return null;
  const sealed: SealedSecrets = { fields, box: sealSecret(JSON.stringify(secret), key, context(channelId)) };
  return JSON.stringify(sealed);
}

function parseSealed(raw: string | null): SealedSecrets | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as SealedSecrets;
    return Array.isArray(v.fields) && typeof v.box === "string" ? v : null;
  } catch {
    return null;
  }
}

/** The full config for sending: plain settings plus the decrypted secrets (SECRET_UNREADABLE if the key changed). */
export function openChannelConfig(
  row: Pick<ChannelRow, "id" | "config" | "secrets">,
  key: Buffer,
): Record<string, unknown> {
  const sealed = parseSealed(row.secrets);
  if (!sealed) return { ...row.config };
  const secret = JSON.parse(openSecret(sealed.box, key, context(row.id))) as unknown;
  if (!secret || typeof secret !== "object") {
    throw new CertwatchError("SECRET_UNREADABLE", `Channel #${row.id} has unreadable secrets.`);
  }
  return { ...row.config, ...(secret as Record<string, unknown>) };
}

/** The config as list/get return it: secrets replaced by a mask, never decrypted. */
export function maskedConfig(row: Pick<ChannelRow, "config" | "secrets">): Record<string, unknown> {
  const fields = parseSealed(row.secrets)?.fields ?? [];
  return { ...row.config, ...Object.fromEntries(fields.map((f) => [f, SECRET_MASK])) };
}

/** Every secret string of a config (header values included), for scrubbing error text. */
export function secretStrings(kind: ChannelKind, config: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of secretKeysOf(kind)) {
    const v = config[k];
    if (typeof v === "string") out.push(v);
    else if (v && typeof v === "object")
      for (const x of Object.values(v)) if (typeof x === "string") out.push(x);
  }
  return out;
}
