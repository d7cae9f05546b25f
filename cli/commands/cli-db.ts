import { type Db, openDb } from "@/db/client";
import { migrate } from "@/db/migrate";
import { parseConfig } from "@/server/env";

/** The database named by the environment (as `npm start` would use it), migrated. */
export function cliDb(): Db {
  const db = openDb(parseConfig(process.env).databasePath);
  migrate(db);
  return db;
}

export async function readStdin(max = 4096): Promise<string> {
  let out = "";
  for await (const chunk of process.stdin) {
    out += String(chunk);
    if (out.length > max) break;
  }
  return out.replace(/\r?\n$/, "");
}
