import type { AuthFormState } from "@/components/auth-form";
import { isCertwatchError } from "@/lib/errors";
import { ValidationError } from "@/server/errors";

/** A service failure as form state; anything that is not a CertwatchError is a bug and rethrown. */
export function formStateOf(e: unknown, values?: Record<string, string>): AuthFormState {
  if (e instanceof ValidationError) return { fieldErrors: e.fieldErrors, values };
  if (isCertwatchError(e)) return { formError: [e.message, e.hint].filter(Boolean).join(" "), values };
  throw e;
}

export function text(form: FormData, name: string, max = 1000): string {
  return String(form.get(name) ?? "").slice(0, max);
}
