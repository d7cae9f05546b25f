import type { Db } from "@/db/client";

/** The database or the open transaction of the change being recorded. */
export type DbLike = Pick<Db, "select" | "insert" | "update" | "delete">;
