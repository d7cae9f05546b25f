import { CertwatchError } from "@/lib/errors";

export type NotifierErrorCode =
  | "NOTIFIER_UNREACHABLE"
  | "NOTIFIER_REJECTED"
  | "NOTIFIER_RATE_LIMITED"
  | "NOTIFIER_CONFIG_INVALID";

/**
 * A failed delivery. `retryable` tells the delivery job whether to retry with backoff; on
 * NOTIFIER_RATE_LIMITED `retryAfterMs` says how long to delay. Messages never hold secrets.
 */
export class NotifierError extends CertwatchError {
  override readonly code: NotifierErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;

  constructor(
    code: NotifierErrorCode,
    message: string,
    hint: string | null,
    opts: { retryable?: boolean; retryAfterMs?: number | null } = {},
  ) {
    super(code, message, hint);
    this.name = "NotifierError";
    this.code = code;
    this.retryable = opts.retryable ?? (code === "NOTIFIER_UNREACHABLE" || code === "NOTIFIER_RATE_LIMITED");
    this.retryAfterMs = opts.retryAfterMs ?? null;
  }

  override toJSON(): { code: string; message: string; hint: string | null } & Record<string, unknown> {
    return { ...super.toJSON(), retryable: this.retryable, retryAfterMs: this.retryAfterMs };
  }
}

export function isNotifierError(e: unknown): e is NotifierError {
  return e instanceof NotifierError;
}

/** scheme://host[:port]/*** — enough to tell which service failed, nothing that grants access. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    const path = u.pathname === "/" && !u.search ? "" : "/***";
    return `${u.protocol}//${u.host}${path}`;
  } catch {
    return "[invalid URL]";
  }
}

/** The secret plus the pieces of it that a receiver or server might echo on their own. */
function secretForms(s: string): string[] {
  const forms = [s, encodeURIComponent(s), Buffer.from(s).toString("base64")];
  forms.push(...s.split(/\s+/).filter((w) => w.length >= 10));
  try {
    const u = new URL(s);
    forms.push(u.pathname, u.search, u.password);
    forms.push(...u.pathname.split("/").filter((seg) => seg.length >= 10));
    for (const v of u.searchParams.values()) forms.push(v);
  } catch {
    // not a URL
  }
  return forms.filter((f) => f.length >= 4 && f !== "/");
}

/** Removes each secret (and its URL-encoded, base64 and partial forms) from text. */
export function scrubSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  const forms = secrets.flatMap((s) => (s && s.length >= 4 ? secretForms(s) : []));
  // Longest first, so a whole URL goes before the path inside it.
  for (const f of [...new Set(forms)].sort((a, b) => b.length - a.length)) out = out.split(f).join("***");
  return out;
}
