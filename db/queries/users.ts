import { asc, count, eq } from "drizzle-orm";
import type { Db } from "../client";

/** The database or a transaction: reads work the same in both. */
export type Reader = Pick<Db, "select">;

import { type Role, type UserRow, users } from "../schema";

/** A user without the password hash: what pages and the API may see. */
export type PublicUser = Omit<UserRow, "passwordHash">;

export function toPublicUser({ passwordHash: _omit, ...rest }: UserRow): PublicUser {
  return rest;
}

export function countUsers(db: Reader): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function countAdmins(db: Reader): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(eq(users.role, "admin" satisfies Role))
      .get()?.n ?? 0
  );
}

export function findUserByEmail(db: Reader, email: string): UserRow | null {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get() ?? null;
}

export function findUserById(db: Reader, id: number): UserRow | null {
  return db.select().from(users).where(eq(users.id, id)).get() ?? null;
}

export function listUsers(db: Reader): PublicUser[] {
  return db.select().from(users).orderBy(asc(users.email)).all().map(toPublicUser);
}
