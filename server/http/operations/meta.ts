import { z } from "zod";
import { ROLES } from "@/db/schema/users";
import { defineOperation } from "../operation";

export const meOp = defineOperation({
  id: "getMe",
  method: "GET",
  path: "/me",
  summary: "Who the request authenticates as",
  tag: "Meta",
  action: null,
  response: z.object({
    userId: z.number().int().nullable(),
    email: z.string(),
    role: z.enum(ROLES),
    via: z.enum(["session", "token", "system"]),
  }),
});

export const openApiOp = defineOperation({
  id: "getOpenApi",
  method: "GET",
  path: "/openapi.json",
  summary: "This document",
  tag: "Meta",
  action: null,
  response: z.record(z.string(), z.unknown()),
});
