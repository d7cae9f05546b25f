import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const open = new Map<string, Db>();

/** Open (once per process) the SQLite file with the pragmas measured in STACK.md. */
export function openDb(file: string): Db {
  const existing = open.get(file);
  if (existing) return existing;
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  open.set(file, db);
  return db;
}

export function closeDb(file: string): void {
  const db = open.get(file);
  if (!db) return;
  open.delete(file);
  db.$client.close();
}
