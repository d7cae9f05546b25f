import { CertwatchError } from "@/lib/errors";

export type FieldErrors = Record<string, string[]>;

/** Bad input: carries per-field messages so forms and the API can point at what to fix. */
export class ValidationError extends CertwatchError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "Some fields need attention.",
  ) {
    super("VALIDATION_FAILED", message);
  }
}

export class NotFoundError extends CertwatchError {
  constructor(what: string) {
    super("NOT_FOUND", `${what} was not found.`);
  }
}

export class ConflictError extends CertwatchError {
  constructor(message: string, hint: string | null = null) {
    super("CONFLICT", message, hint);
  }
}

/** HTTP status for each service error code; one table for every transport. */
export const HTTP_STATUS: Record<string, number> = {
  VALIDATION_FAILED: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  QUEUE_UNAVAILABLE: 503,
};
