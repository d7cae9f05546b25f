import { sql } from "drizzle-orm";
import type { Db } from "../client";

export function pingDb(db: Db): boolean {
  try {
    db.run(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
