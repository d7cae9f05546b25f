import type { z } from "zod";
import { type Actor, authorize } from "@/server/auth/actor";
import { sessionPolicyOf } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { config } from "@/server/env";
import { ValidationError } from "@/server/errors";
import type { ServiceContext } from "@/server/services/context";
import { webContext } from "@/server/web-context";
import { authenticateRequest } from "./authenticate";
import { errorResponse } from "./error-response";
import { fieldErrorsOf } from "./field-errors";
import type { Operation } from "./operation";
import { readJsonBody } from "./read-body";

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface ApiArgs<P, Q, B> {
  actor: Actor;
  ctx: ServiceContext;
  params: P;
  query: Q;
  body: B;
  req: Request;
}

function parse<T extends z.ZodType>(schema: T | undefined, raw: unknown, where: string): Out<T> {
  if (!schema) return undefined as Out<T>;
  const r = schema.safeParse(raw);
  if (r.success) return r.data as Out<T>;
  const fields = fieldErrorsOf(r.error);
  throw new ValidationError(fields, `The ${where} has problems: ${Object.keys(fields).join(", ")}.`);
}

/**
 * A Next route handler for one operation: authenticate, authorize, validate path, query and JSON body
 * with the operation's zod schemas (422 with field errors), call the handler, translate errors once.
 */
export function withApi<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  op: Operation<P, Q, B>,
  handler: (args: ApiArgs<Out<P>, Out<Q>, Out<B>>) => unknown | Promise<unknown>,
) {
  return async (req: Request, route: { params: Promise<Record<string, string | string[]>> }) => {
    try {
      const actor = authenticateRequest(db(), req, sessionPolicyOf(config()));
      if (op.action) authorize(actor, op.action);
      const params = parse(op.params, await route.params, "path");
      const query = parse(op.query, Object.fromEntries(new URL(req.url).searchParams), "query string");
      const body = op.body ? parse(op.body, await readJsonBody(req), "body") : (undefined as Out<B>);
      const result = await handler({ actor, ctx: webContext(), params, query, body, req });
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: op.status ?? 200 });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
