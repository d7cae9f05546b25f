import { ConfigError, parseConfig } from "@/server/env";
import { closeDb, openDb } from "./client";
import { migrate } from "./migrate";

try {
  const cfg = parseConfig(process.env);
  const applied = migrate(openDb(cfg.databasePath));
  closeDb(cfg.databasePath);
  console.log(`certwatch: ${applied} migration(s) applied to ${cfg.databasePath}`);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
