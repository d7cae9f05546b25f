import path from "node:path";
import { fileURLToPath } from "node:url";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "./client";

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = path.join(here, "migrations");

/**
 * Apply drizzle-kit migrations inside one BEGIN IMMEDIATE transaction: drizzle's own migrator reads the
 * journal before taking the write lock, so a web and a worker process starting together can both try to
 * create the tables (STACK.md). Here the second waits on busy_timeout and then finds nothing to do.
 * Same bookkeeping table as drizzle, so drizzle-kit stays compatible.
 */
export function migrate(db: Db, migrationsFolder = MIGRATIONS_DIR): number {
  const migrations = readMigrationFiles({ migrationsFolder });
  const sqlite = db.$client;
  let applied = 0;
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    sqlite.exec(
      "CREATE TABLE IF NOT EXISTS __drizzle_migrations (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)",
    );
    const last = sqlite
      .prepare("SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1")
      .get() as { created_at: number } | undefined;
    const insert = sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)");
    for (const m of migrations) {
      if (last && Number(last.created_at) >= m.folderMillis) continue;
      for (const stmt of m.sql) if (stmt.trim()) sqlite.exec(stmt);
      insert.run(m.hash, m.folderMillis);
      applied++;
    }
    sqlite.exec("COMMIT");
  } catch (e) {
    sqlite.exec("ROLLBACK");
    throw e;
  }
  return applied;
}
