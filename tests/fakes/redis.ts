import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type LocalRedis, startLocalRedis } from "@/cli/runtime/local-redis";

/** A throwaway redis-server on a free loopback port (never the machine's shared 6379). */
export async function startTestRedis(): Promise<LocalRedis & { cleanup(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-redis-"));
  const redis = await startLocalRedis({ dir, persist: false });
  return {
    ...redis,
    async cleanup() {
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
