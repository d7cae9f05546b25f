import path from "node:path";
import { fileURLToPath } from "node:url";
import { closeDb, openDb } from "@/db/client";
import { migrate } from "@/db/migrate";
import { isCertwatchError } from "@/lib/errors";
import { ConfigError, parseConfig } from "@/server/env";
import { buildWeb, needsBuild } from "./runtime/build-if-needed";
import { waitForPort } from "./runtime/free-port";
import { type LocalRedis, startLocalRedis } from "./runtime/local-redis";
import { type Supervised, stopAll, supervise } from "./runtime/supervise";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<number> {
  const cfg = parseConfig(process.env);
  const db = openDb(cfg.databasePath);
  const applied = migrate(db);
  closeDb(cfg.databasePath);
  console.log(`certwatch: database ${cfg.databasePath} (${applied} migration(s) applied)`);

  let redis: LocalRedis | null = null;
  let redisUrl = cfg.REDIS_URL;
  if (!redisUrl) {
    redis = await startLocalRedis({ dir: path.join(cfg.dataDir, "redis"), persist: true });
    redisUrl = redis.url;
    console.log(
      `certwatch: started a private Redis on ${redisUrl} (data in ${path.join(cfg.dataDir, "redis")})`,
    );
  }
  const env = {
    ...process.env,
    REDIS_URL: redisUrl,
    CERTWATCH_DATA_DIR: cfg.dataDir,
    DATABASE_PATH: cfg.databasePath,
  };
  if (process.env.CERTWATCH_SKIP_BUILD !== "1" && needsBuild(root)) {
    console.log("certwatch: building the web app (first start or sources changed)…");
    buildWeb(root, { ...env, NODE_ENV: "production" });
  }

  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const children: Supervised[] = [
    supervise("web", process.execPath, [next, "start", "-H", cfg.CERTWATCH_HOST, "-p", String(cfg.PORT)], {
      cwd: root,
      env,
    }),
    supervise("worker", process.execPath, ["--import", "tsx", path.join(root, "workers", "index.ts")], {
      cwd: root,
      env,
    }),
  ];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("certwatch: stopping…");
    await stopAll(children);
    await redis?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  for (const c of children) {
    void c.exited.then((code) => {
      if (!stopping) {
        console.error(`certwatch: ${c.name} exited (${code}); stopping everything.`);
        void stop(1);
      }
    });
  }
  await waitForPort(cfg.PORT, cfg.CERTWATCH_HOST === "0.0.0.0" ? "127.0.0.1" : cfg.CERTWATCH_HOST, 60_000);
  console.log(`certwatch: ready on ${cfg.baseUrl}  (Ctrl-C stops web, worker and Redis)`);
  return new Promise<number>(() => {});
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (isCertwatchError(err))
    console.error(`certwatch: ${err.message}${err.hint ? `\n${err.hint}` : ""}`);
  else console.error("certwatch: failed to start:", err);
  process.exit(1);
});
