import { ConfigError, config as loadConfig } from "@/server/env";
import { startWorkers } from "./boot";
import { createLogger } from "./log";

async function main(): Promise<void> {
  const cfg = loadConfig();
  const log = createLogger(cfg.LOG_LEVEL);
  const running = await startWorkers({
    cfg,
    log,
    reconcileEveryMs: cfg.CERTWATCH_RECONCILE_SECONDS * 1000,
    ctTickEveryMs: cfg.CERTWATCH_CT_TICK_SECONDS * 1000,
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping workers: finishing jobs in progress");
    await running.stop();
    running.db.$client.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error("certwatch worker failed to start:", err);
  process.exit(1);
});
