import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, type Db, openDb } from "@/db/client";
import { migrate } from "@/db/migrate";

/** A real SQLite file in a fresh temp directory, migrated; remove() closes and deletes it. */
export function tempDb(): { db: Db; file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-db-"));
  const file = path.join(dir, "test.db");
  const db = openDb(file);
  migrate(db);
  return {
    db,
    file,
    remove() {
      closeDb(file);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
