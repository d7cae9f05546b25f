import { z } from "zod";
import { ROLES } from "@/db/schema/users";
import { defineOperation } from "../operation";
import { pageOf, pageQuery } from "../pagination";
import { idParams, isoTime } from "./common";

export const userOut = z.object({
  id: z.number().int(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: isoTime,
  updatedAt: isoTime,
  passwordChangedAt: isoTime,
});

export const tokenOut = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  name: z.string(),
  prefix: z.string().describe("First characters of the token, to tell tokens apart"),
  createdAt: isoTime,
  lastUsedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
});

export const listUsersOp = defineOperation({
  id: "listUsers",
  method: "GET",
  path: "/users",
  summary: "List users (admin)",
  tag: "Accounts",
  action: "user.read",
  response: z.object({ data: z.array(userOut) }),
});

export const createUserOp = defineOperation({
  id: "createUser",
  method: "POST",
  path: "/users",
  summary: "Add a user (admin)",
  tag: "Accounts",
  action: "user.write",
  body: z.strictObject({
    email: z.string().max(254),
    password: z.string().max(256),
    role: z.enum(ROLES).optional(),
  }),
  response: userOut,
  status: 201,
});

export const updateUserOp = defineOperation({
  id: "updateUser",
  method: "PATCH",
  path: "/users/{id}",
  summary: "Change a user's role (admin)",
  tag: "Accounts",
  action: "user.write",
  params: idParams,
  body: z.strictObject({ role: z.enum(ROLES) }),
  response: userOut,
});

export const deleteUserOp = defineOperation({
  id: "deleteUser",
  method: "DELETE",
  path: "/users/{id}",
  summary: "Delete a user, their sessions and tokens (admin)",
  tag: "Accounts",
  action: "user.write",
  params: idParams,
  status: 204,
});

export const listTokensOp = defineOperation({
  id: "listTokens",
  method: "GET",
  path: "/tokens",
  summary: "Your API tokens (never the secrets)",
  tag: "Accounts",
  action: "self.manage",
  response: z.object({ data: z.array(tokenOut) }),
});

export const createTokenOp = defineOperation({
  id: "createToken",
  method: "POST",
  path: "/tokens",
  summary: "Create an API token; the secret is in this response only",
  tag: "Accounts",
  action: "self.manage",
  body: z.strictObject({ name: z.string().max(80) }),
  response: z.object({ token: z.string(), record: tokenOut }),
  status: 201,
});

export const revokeTokenOp = defineOperation({
  id: "revokeToken",
  method: "DELETE",
  path: "/tokens/{id}",
  summary: "Revoke an API token",
  tag: "Accounts",
  action: "self.manage",
  params: idParams,
  status: 204,
});

export const listAuditOp = defineOperation({
  id: "listAudit",
  method: "GET",
  path: "/audit",
  summary: "Audit log, newest first (admin)",
  tag: "Accounts",
  action: "audit.read",
  query: pageQuery.extend({
    targetType: z.string().max(40).optional(),
    targetId: z.string().max(80).optional(),
  }),
  response: pageOf(
    z.object({
      id: z.number().int(),
      at: isoTime,
      actorUserId: z.number().int().nullable(),
      actorLabel: z.string(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
