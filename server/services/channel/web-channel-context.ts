import { secretKey } from "@/server/crypto/secret-box";
import { db } from "@/server/db";
import { config } from "@/server/env";
import type { ChannelContext } from "./context";

/** The web process's channel context (pages and server actions). */
export function webChannelContext(): ChannelContext {
  const cfg = config();
  return { db: db(), secretKey: secretKey(cfg), baseUrl: cfg.baseUrl };
}
