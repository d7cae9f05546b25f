/** A failure with a stable code, a human message and, where it helps, a hint on what to do. */
export class CertwatchError extends Error {
  readonly code: string;
  readonly hint: string | null;

  constructor(code: string, message: string, hint: string | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CertwatchError";
    this.code = code;
    this.hint = hint;
  }

  toJSON(): { code: string; message: string; hint: string | null } {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

export function isCertwatchError(e: unknown): e is CertwatchError {
  return e instanceof CertwatchError;
}
