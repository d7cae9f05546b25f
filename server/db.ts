import { type Db, openDb } from "@/db/client";
import { migrate } from "@/db/migrate";
import { config } from "./env";

let migrated = false;

/** The process's database, opened lazily (never at import time: `next build` executes modules). */
export function db(): Db {
  const d = openDb(config().databasePath);
  if (!migrated) {
    migrate(d);
    migrated = true;
  }
  return d;
}
