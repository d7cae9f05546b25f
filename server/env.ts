import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every setting Certwatch reads from the environment; README's configuration table mirrors this. */
export const envSchema = z.object({
  CERTWATCH_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_PATH: z.string().min(1).optional(),
  REDIS_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  CERTWATCH_HOST: z.string().min(1).default("127.0.0.1"),
  CERTWATCH_BASE_URL: z.string().url().optional(),
  CERTWATCH_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  CERTWATCH_DEFAULT_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(604_800).default(3600),
  CERTWATCH_SCAN_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  CERTWATCH_PROBE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  CERTWATCH_ALL_ADDRESSES: bool.default(true),
  CERTWATCH_QUEUE_PREFIX: z.string().min(1).max(64).default("certwatch"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** 32 bytes, base64 or hex; encrypts stored secrets. Unset: generated into <data dir>/secret.key. */
  CERTWATCH_SECRET_KEY: z
    .string()
    .refine(
      (v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, "base64").length === 32,
      "must be 32 bytes as 64 hex characters or base64 (openssl rand -base64 32)",
    )
    .optional(),
  CERTWATCH_ALLOW_PRIVATE_TARGETS: bool.default(true),
  CERTWATCH_ALLOW_LOOPBACK_TARGETS: bool.default(true),
  CERTWATCH_ALLOW_LINK_LOCAL_TARGETS: bool.default(false),
  CERTWATCH_SESSION_IDLE_HOURS: z.coerce.number().min(0.1).max(720).default(12),
  CERTWATCH_SESSION_MAX_DAYS: z.coerce.number().min(0.1).max(90).default(7),
  /** Behind a reverse proxy that sets X-Forwarded-For/-Proto: trust them for rate limits and HTTPS. */
  CERTWATCH_TRUST_PROXY: bool.default(false),
  /** CT log list (v3 JSON): an http(s) URL or a file path. */
  CERTWATCH_CT_LOG_LIST_URL: z
    .string()
    .min(1)
    .default("https://www.gstatic.com/ct/log_list/v3/all_logs_list.json"),
  /** PEM public key (or a file holding it) that must have signed the list (`<list URL minus .json>.sig`). */
  CERTWATCH_CT_LOG_LIST_KEY: z.string().min(1).optional(),
  /** Read newly added logs from their first entry instead of their current end. */
  CERTWATCH_CT_BACKFILL: bool.default(false),
  CERTWATCH_CT_TICK_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  CERTWATCH_RECONCILE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** Alert when a log's verified position is older than this. */
  CERTWATCH_CT_MAX_LAG_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  CERTWATCH_CRTSH_URL: z.string().url().default("https://crt.sh"),
  /** How often each watched domain is asked of crt.sh (it is shared and fragile: keep this long). */
  CERTWATCH_CRTSH_INTERVAL_MINUTES: z.coerce.number().int().min(10).max(10_080).default(360),
});

export type RawEnv = z.infer<typeof envSchema>;

export interface Config extends RawEnv {
  dataDir: string;
  databasePath: string;
  baseUrl: string;
  /** Served over HTTPS (per CERTWATCH_BASE_URL): Secure cookies and HSTS. */
  https: boolean;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.CERTWATCH_DATA_DIR);
  const baseUrl = (e.CERTWATCH_BASE_URL ?? `http://${e.CERTWATCH_HOST}:${e.PORT}`).replace(/\/$/, "");
  return {
    ...e,
    dataDir,
    databasePath: path.resolve(e.DATABASE_PATH ?? path.join(dataDir, "certwatch.db")),
    baseUrl,
    https: baseUrl.startsWith("https://"),
  };
}

let cached: Config | null = null;

/** Read once per process; callers pass the result down rather than reading process.env. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
