import type { z } from "zod";
import type { Action } from "@/server/auth/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API operation: the route handler (withApi) and the OpenAPI document are both built from this, so
 * the document cannot drift from what the handler validates.
 */
export interface Operation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  id: string;
  method: HttpMethod;
  /** OpenAPI form under /api/v1, e.g. `/endpoints/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** Checked before the body is read, so a viewer's write is 403 whatever it sends; services check again. */
  action: Action | null;
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  /** Success status; 204 when the handler returns nothing. */
  status?: number;
}

export function defineOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  op: Operation<P, Q, B>,
): Operation<P, Q, B> {
  return op;
}
