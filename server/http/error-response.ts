import { isCertwatchError } from "@/lib/errors";
import { RateLimitedError } from "@/server/auth/rate-limit";
import { HTTP_STATUS, ValidationError } from "@/server/errors";

const EXTRA_STATUS: Record<string, number> = {
  INVALID_CREDENTIALS: 401,
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export function statusOf(code: string): number {
  return HTTP_STATUS[code] ?? EXTRA_STATUS[code] ?? 400;
}

/** Every API failure as `{error: {code, message, hint?, fields?}}`; unknown errors become a bare 500. */
export function errorResponse(e: unknown): Response {
  if (!isCertwatchError(e)) {
    console.error("api: unexpected error", e instanceof Error ? e.stack : e);
    return Response.json(
      { error: { code: "INTERNAL", message: "Something went wrong on the server." } },
      { status: 500 },
    );
  }
  const status = statusOf(e.code);
  const body: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.hint) body.hint = e.hint;
  if (e instanceof ValidationError) body.fields = e.fieldErrors;
  const headers = new Headers();
  if (status === 401) headers.set("WWW-Authenticate", 'Bearer realm="certwatch"');
  if (e instanceof RateLimitedError) headers.set("Retry-After", String(e.retryAfterSeconds));
  return Response.json({ error: body }, { status, headers });
}
