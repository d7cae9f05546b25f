import type { Db } from "@/db/client";

/** What channel services need beyond the database: the secret-box key and the dashboard URL for tests. */
export interface ChannelContext {
  db: Db;
  secretKey: Buffer;
  baseUrl?: string | null;
  now?: () => Date;
  /** Bound on a test send (default 10 s). */
  timeoutMs?: number;
}
