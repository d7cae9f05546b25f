import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { type Actor, CLI_ACTOR } from "@/server/auth/actor";
import { actorFromApiToken } from "@/server/auth/api-tokens";
import { login } from "@/server/auth/login";
import { can, PERMISSIONS, ROLES } from "@/server/auth/permissions";
import { resolveSession } from "@/server/auth/sessions";
import { ConflictError, ValidationError } from "@/server/errors";
import type { ServiceContext } from "@/server/services/context";
import { createEndpoint } from "@/server/services/endpoint/create-endpoint";
import { deleteEndpoint } from "@/server/services/endpoint/delete-endpoint";
import { scanEndpointNow } from "@/server/services/endpoint/scan-endpoint-now";
import { updateEndpoint } from "@/server/services/endpoint/update-endpoint";
import { createToken } from "@/server/services/token/create-token";
import { listTokens } from "@/server/services/token/list-tokens";
import { revokeToken } from "@/server/services/token/revoke-token";
import { changePassword } from "@/server/services/user/change-password";
import { changeRole } from "@/server/services/user/change-role";
import { createFirstAdmin, createUser } from "@/server/services/user/create-user";
import { deleteUser } from "@/server/services/user/delete-user";
import { listUsers } from "@/server/services/user/list-users";
import { tempDb } from "../support/temp-db";

const PASSWORD = "correct horse battery";
const policy = { idleMs: 12 * 3_600_000, maxMs: 7 * 86_400_000 };
let t: ReturnType<typeof tempDb>;
let ctx: ServiceContext;

beforeEach(() => {
  t = tempDb();
  ctx = {
    db: t.db,
    config: { CERTWATCH_MIN_INTERVAL_SECONDS: 60, CERTWATCH_DEFAULT_INTERVAL_SECONDS: 3600 },
  };
});
afterEach(() => t.remove());

async function userActor(email: string, role: "admin" | "editor" | "viewer"): Promise<Actor> {
  const u = await createUser({ ctx, actor: CLI_ACTOR, input: { email, password: PASSWORD, role } });
  return { kind: "session", userId: u.id, label: u.email, role: u.role };
}

const codeOf = (p: Promise<unknown> | (() => unknown)) =>
  (typeof p === "function" ? Promise.resolve().then(p) : p).then(
    () => "ok",
    (e) => e.code as string,
  );

describe("roles", () => {
  it("the permission table gives admins everything and viewers only reads", () => {
    for (const action of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can("admin", action)).toBe(true);
      if (can("viewer", action)) expect(action.endsWith(".read") || action === "self.manage").toBe(true);
    }
    expect(ROLES).toEqual(["admin", "editor", "viewer"]);
  });

  it("endpoint services refuse a viewer and accept an editor, before touching anything", async () => {
    const viewer = await userActor("v@example.com", "viewer");
    const editor = await userActor("e@example.com", "editor");
    expect(await codeOf(createEndpoint({ ctx, actor: viewer, input: { host: "a.example" } }))).toBe(
      "FORBIDDEN",
    );
    const e = await createEndpoint({ ctx, actor: editor, input: { host: "a.example" } });
    expect(await codeOf(updateEndpoint({ ctx, actor: viewer, id: e.id, input: { port: 8443 } }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(scanEndpointNow({ ctx, actor: viewer, id: e.id }))).toBe("FORBIDDEN");
    expect(await codeOf(deleteEndpoint({ ctx, actor: viewer, id: e.id }))).toBe("FORBIDDEN");
    // Authorisation comes first: a viewer learns nothing about ids that do not exist.
    expect(await codeOf(deleteEndpoint({ ctx, actor: viewer, id: 999 }))).toBe("FORBIDDEN");
    expect(await codeOf(deleteEndpoint({ ctx, actor: editor, id: e.id }))).toBe("ok");
  });

  it("only admins manage users; editors cannot list or create them", async () => {
    const admin = await userActor("a@example.com", "admin");
    const editor = await userActor("e@example.com", "editor");
    expect(await codeOf(() => listUsers({ ctx, actor: editor }))).toBe("FORBIDDEN");
    expect(
      await codeOf(createUser({ ctx, actor: editor, input: { email: "x@example.com", password: PASSWORD } })),
    ).toBe("FORBIDDEN");
    expect(listUsers({ ctx, actor: admin }).map((u) => u.email)).toEqual(["a@example.com", "e@example.com"]);
    expect(listUsers({ ctx, actor: admin })[0]).not.toHaveProperty("passwordHash");
  });

  it("keeps at least one admin and refuses deleting yourself", async () => {
    const admin = await userActor("a@example.com", "admin");
    expect(() => changeRole({ ctx, actor: admin, id: admin.userId!, role: "viewer" })).toThrow(ConflictError);
    expect(() => deleteUser({ ctx, actor: admin, id: admin.userId! })).toThrow(ConflictError);
    const other = await userActor("b@example.com", "viewer");
    expect(changeRole({ ctx, actor: admin, id: other.userId!, role: "admin" }).role).toBe("admin");
    expect(() => changeRole({ ctx, actor: admin, id: other.userId!, role: "owner" })).toThrow(
      ValidationError,
    );
    deleteUser({ ctx, actor: admin, id: other.userId! });
    expect(listUsers({ ctx, actor: admin })).toHaveLength(1);
  });

  it("the first admin can be created once only", async () => {
    await createFirstAdmin({ ctx, input: { email: "first@example.com", password: PASSWORD } });
    await expect(
      createFirstAdmin({ ctx, input: { email: "second@example.com", password: PASSWORD } }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("validates email and password length", async () => {
    const err = await createUser({
      ctx,
      actor: CLI_ACTOR,
      input: { email: "nope", password: "short" },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys(err.fieldErrors).sort()).toEqual(["email", "password"]);
  });
});

describe("sign-in, sessions and rate limits", () => {
  it("logs in with the right password only, with one message for every failure", async () => {
    await userActor("a@example.com", "admin");
    const s = await login({
      db: t.db,
      email: " A@Example.com ",
      password: PASSWORD,
      ip: "192.0.2.1",
      policy,
    });
    expect(resolveSession(t.db, s.token, policy)?.user.email).toBe("a@example.com");
    const wrong = await login({
      db: t.db,
      email: "a@example.com",
      password: "nope",
      ip: "192.0.2.1",
      policy,
    }).catch((e) => e);
    const unknown = await login({
      db: t.db,
      email: "b@example.com",
      password: PASSWORD,
      ip: "192.0.2.1",
      policy,
    }).catch((e) => e);
    expect(wrong.code).toBe("INVALID_CREDENTIALS");
    expect(unknown.message).toBe(wrong.message);
  });

  it("locks an account after 5 failures in the window, even with the right password, and frees it later", async () => {
    await userActor("a@example.com", "admin");
    const now = new Date("2030-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) {
      const ip = `192.0.2.${i + 1}`;
      expect(
        await codeOf(login({ db: t.db, email: "a@example.com", password: "bad", ip, policy, now })),
      ).toBe("INVALID_CREDENTIALS");
    }
    expect(
      await codeOf(
        login({ db: t.db, email: "a@example.com", password: PASSWORD, ip: "198.51.100.1", policy, now }),
      ),
    ).toBe("RATE_LIMITED");
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(
      await codeOf(
        login({
          db: t.db,
          email: "a@example.com",
          password: PASSWORD,
          ip: "198.51.100.1",
          policy,
          now: later,
        }),
      ),
    ).toBe("ok");
  });

  it("limits one address trying many accounts", async () => {
    const limits = { windowMs: 60_000, perAccount: 100, perAddress: 3 };
    for (let i = 0; i < 3; i++) {
      await codeOf(
        login({ db: t.db, email: `u${i}@example.com`, password: "x", ip: "203.0.113.9", policy, limits }),
      );
    }
    expect(
      await codeOf(
        login({ db: t.db, email: "z@example.com", password: "x", ip: "203.0.113.9", policy, limits }),
      ),
    ).toBe("RATE_LIMITED");
    expect(
      await codeOf(
        login({ db: t.db, email: "z@example.com", password: "x", ip: "203.0.113.10", policy, limits }),
      ),
    ).toBe("INVALID_CREDENTIALS");
  });

  it("expires sessions when idle or too old, and a password change ends them all", async () => {
    const a = await userActor("a@example.com", "admin");
    const t0 = new Date("2030-01-01T00:00:00Z");
    const s = await login({
      db: t.db,
      email: "a@example.com",
      password: PASSWORD,
      ip: null,
      policy,
      now: t0,
    });
    expect(resolveSession(t.db, s.token, policy, new Date(t0.getTime() + 11 * 3_600_000))).not.toBeNull();
    expect(resolveSession(t.db, s.token, policy, new Date(t0.getTime() + 24 * 3_600_000))).toBeNull();
    const s2 = await login({ db: t.db, email: "a@example.com", password: PASSWORD, ip: null, policy });
    await changePassword({
      ctx,
      actor: a,
      input: { currentPassword: PASSWORD, newPassword: "another long password" },
    });
    expect(resolveSession(t.db, s2.token, policy)).toBeNull();
    const bad = await changePassword({
      ctx,
      actor: a,
      input: { currentPassword: "wrong", newPassword: "whatever123" },
    }).catch((e) => e);
    expect(bad.fieldErrors).toHaveProperty("currentPassword");
  });
});

describe("API tokens", () => {
  it("are shown once, stored hashed, act with the owner's current role, and can be revoked", async () => {
    const editor = await userActor("e@example.com", "editor");
    const admin = await userActor("a@example.com", "admin");
    const { token, record } = createToken({ ctx, actor: editor, input: { name: "ci" } });
    expect(token).toMatch(/^cw_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(record)).not.toContain(token.slice(3));
    const stored = t.db.$client.prepare("SELECT token_hash FROM api_tokens").get() as { token_hash: string };
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(actorFromApiToken(t.db, token)).toMatchObject({
      kind: "token",
      role: "editor",
      userId: editor.userId,
    });
    changeRole({ ctx, actor: admin, id: editor.userId!, role: "viewer" });
    expect(actorFromApiToken(t.db, token)?.role).toBe("viewer");
    expect(listTokens({ ctx, actor: editor })).toHaveLength(1);
    // Someone else's token is "not found" to a non-admin.
    const viewer = await userActor("v@example.com", "viewer");
    expect(() => revokeToken({ ctx, actor: viewer, id: record.id })).toThrow(/not found/);
    revokeToken({ ctx, actor: editor, id: record.id });
    expect(actorFromApiToken(t.db, token)).toBeNull();
    expect(actorFromApiToken(t.db, "cw_unknown")).toBeNull();
    expect(() => createToken({ ctx, actor: viewer, userId: editor.userId!, input: { name: "x" } })).toThrow(
      /may not/,
    );
  });
});

describe("audit log", () => {
  it("records endpoint and user changes with the actor, without secrets", async () => {
    const editor = await userActor("e@example.com", "editor");
    const e = await createEndpoint({ ctx, actor: editor, input: { host: "a.example" } });
    await updateEndpoint({ ctx, actor: editor, id: e.id, input: { port: 8443 } });
    await deleteEndpoint({ ctx, actor: editor, id: e.id });
    createToken({ ctx, actor: editor, input: { name: "ci" } });
    const rows = t.db.select().from(auditLog).all();
    expect(rows.map((r) => r.action)).toEqual([
      "user.create",
      "endpoint.create",
      "endpoint.update",
      "endpoint.delete",
      "token.create",
    ]);
    expect(rows[0]).toMatchObject({ actorLabel: "cli", targetType: "user" });
    expect(rows[2]).toMatchObject({
      actorLabel: "e@example.com",
      actorUserId: editor.userId,
      targetId: String(e.id),
    });
    expect(rows[2]?.details).toEqual({ port: { from: 443, to: 8443 } });
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });

  it("a refused change leaves no audit row (same transaction)", async () => {
    const editor = await userActor("e@example.com", "editor");
    await createEndpoint({ ctx, actor: editor, input: { host: "a.example" } });
    await createEndpoint({ ctx, actor: editor, input: { host: "a.example" } }).catch(() => {});
    expect(
      t.db
        .select()
        .from(auditLog)
        .all()
        .filter((r) => r.action === "endpoint.create"),
    ).toHaveLength(1);
  });
});
