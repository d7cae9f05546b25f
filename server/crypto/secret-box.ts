import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CertwatchError } from "@/lib/errors";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for secrets at rest (SMTP passwords, webhook and Slack URLs). `context` binds a ciphertext to
 * where it belongs (e.g. `channel:7:url`), so a value copied into another row will not decrypt.
 * Output: `v1:<base64 iv|tag|ciphertext>`.
 */
export function sealSecret(plain: string, key: Buffer, context = ""): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString("base64")}`;
}

export function openSecret(sealed: string, key: Buffer, context = ""): string {
  const [version, body] = sealed.split(":");
  const raw = Buffer.from(body ?? "", "base64");
  if (version !== VERSION || raw.length < IV_BYTES + TAG_BYTES) {
    throw new CertwatchError("SECRET_UNREADABLE", "A stored secret is not in a format this version reads.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new CertwatchError(
      "SECRET_UNREADABLE",
      "A stored secret could not be decrypted.",
      "CERTWATCH_SECRET_KEY (or <data dir>/secret.key) changed since it was saved; restore the old key or re-enter the secret.",
    );
  }
}

export function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32) {
    throw new CertwatchError(
      "SECRET_KEY_INVALID",
      "The secret key must be 32 bytes.",
      "Generate one with: openssl rand -base64 32",
    );
  }
  return key;
}

/**
 * The key from CERTWATCH_SECRET_KEY, else `<dataDir>/secret.key`, created (mode 0600) on first use. The
 * exclusive create means a web and a worker process starting together agree on one key.
 */
export function loadSecretKey(
  cfg: { CERTWATCH_SECRET_KEY?: string; dataDir: string },
  log: (msg: string) => void = (m) => console.warn(m),
): Buffer {
  if (cfg.CERTWATCH_SECRET_KEY) return parseKey(cfg.CERTWATCH_SECRET_KEY);
  const file = path.join(cfg.dataDir, "secret.key");
  try {
    fs.mkdirSync(cfg.dataDir, { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    log(
      `certwatch: generated a secret key in ${file} (mode 0600). Back it up with the database, or set CERTWATCH_SECRET_KEY.`,
    );
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return parseKey(fs.readFileSync(file, "utf8"));
}

let cached: Buffer | null = null;

/** The process's key, loaded once. */
export function secretKey(cfg: { CERTWATCH_SECRET_KEY?: string; dataDir: string }): Buffer {
  cached ??= loadSecretKey(cfg);
  return cached;
}
