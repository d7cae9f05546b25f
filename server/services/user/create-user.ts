import type { Db } from "@/db/client";
import { countUsers, findUserByEmail, type PublicUser, toPublicUser } from "@/db/queries/users";
import { users } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { ConflictError } from "@/server/errors";
import { parseOrThrow } from "@/server/http/field-errors";
import { recordAudit } from "../audit/record-audit";
import type { ServiceContext } from "../context";
import { newUserSchema } from "./user-input";

type Ctx = Pick<ServiceContext, "db" | "now">;

function insertUser(
  db: Pick<Db, "insert">,
  actor: Actor,
  data: { email: string; role: PublicUser["role"] },
  hash: string,
  now: Date,
) {
  const at = now.toISOString();
  const row = db
    .insert(users)
    .values({ ...data, passwordHash: hash, createdAt: at, updatedAt: at, passwordChangedAt: at })
    .returning()
    .get();
  recordAudit(db, actor, { action: "user.create", targetType: "user", targetId: row.id, details: data }, now);
  return toPublicUser(row);
}

/** An admin adds a user. */
export async function createUser({
  ctx,
  actor,
  input,
}: {
  ctx: Ctx;
  actor: Actor;
  input: unknown;
}): Promise<PublicUser> {
  authorize(actor, "user.write");
  const data = parseOrThrow(newUserSchema, input);
  const hash = await hashPassword(data.password);
  const now = ctx.now?.() ?? new Date();
  return ctx.db.transaction(
    (tx) => {
      if (findUserByEmail(tx, data.email)) {
        throw new ConflictError(`${data.email} already has an account.`);
      }
      return insertUser(tx, actor, { email: data.email, role: data.role }, hash, now);
    },
    { behavior: "immediate" },
  );
}

/**
 * First run: anyone who can reach the setup page may create the first admin, exactly once. The count is
 * re-checked under the write lock so two racing visitors cannot both become admin.
 */
export async function createFirstAdmin({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<PublicUser> {
  const data = parseOrThrow(newUserSchema, { ...(input as object), role: "admin" });
  const hash = await hashPassword(data.password);
  const now = ctx.now?.() ?? new Date();
  return ctx.db.transaction(
    (tx) => {
      if (countUsers(tx) > 0) {
        throw new ConflictError("Certwatch is already set up.", "Sign in, or ask an admin for an account.");
      }
      const setup: Actor = { kind: "system", userId: null, label: `setup (${data.email})`, role: "admin" };
      return insertUser(tx, setup, { email: data.email, role: "admin" }, hash, now);
    },
    { behavior: "immediate" },
  );
}
