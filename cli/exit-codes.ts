/** Exit codes shared by every command (sysexits' 64 for usage). */
export const EXIT = { ok: 0, gateFailed: 1, incomplete: 2, usage: 64, software: 70 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
