import { NotifierError, redactUrl, scrubSecrets } from "./errors";

export interface PostInput {
  /** Secret itself for Slack and most webhooks: never put it in an error. */
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Other secrets to scrub from anything echoed back (webhook secret, header values). */
  secrets: string[];
  /** Name of the service for messages, e.g. "Slack". */
  service: string;
}

export interface PostResult {
  status: number;
  body: string;
}

const BODY_CAP = 4096;
const DEFAULT_RETRY_AFTER_MS = 30_000;
const MAX_RETRY_AFTER_MS = 3_600_000;

/** Retry-After in seconds or as an HTTP date; missing or unreadable falls back to 30 s, capped at 1 h. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number {
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  const v = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now.getTime();
  if (!Number.isFinite(ms)) return DEFAULT_RETRY_AFTER_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(1000, Math.ceil(ms)));
}

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < BODY_CAP) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).subarray(0, BODY_CAP).toString("utf8");
}

function networkReason(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return "no answer in time";
  return err.cause?.code ?? err.cause?.message ?? err.message ?? "network error";
}

/**
 * POSTs JSON and maps the outcome: 2xx resolves; 429 → RATE_LIMITED with retryAfterMs; 408/5xx and
 * network failures → UNREACHABLE (retryable); other statuses → REJECTED. Redirects are not followed:
 * a webhook that redirects would receive the alert body at an address nobody configured.
 */
export async function postJson(input: PostInput): Promise<PostResult> {
  const where = redactUrl(input.url);
  const clean = (s: string) => scrubSecrets(s, [input.url, ...input.secrets]);
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([timeout, input.signal]) : timeout;
  let res: Response;
  let body: string;
  try {
    res = await fetch(input.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Certwatch", ...input.headers },
      body: input.body,
      redirect: "manual",
      signal,
    });
    body = await readCapped(res);
  } catch (e) {
    throw new NotifierError(
      "NOTIFIER_UNREACHABLE",
      `Could not deliver to ${input.service} at ${where}: ${clean(networkReason(e))} (timeout ${input.timeoutMs} ms)`,
      "Check that the Certwatch worker can reach this address (DNS, firewall, proxy); the delivery will be retried.",
    );
  }
  if (res.status >= 200 && res.status < 300) return { status: res.status, body };
  const detail = clean(body.replace(/\s+/g, " ").trim().slice(0, 200));
  const said = `${input.service} at ${where} answered HTTP ${res.status}${detail ? `: ${detail}` : ""}`;
  if (res.status === 429) {
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
    throw new NotifierError(
      "NOTIFIER_RATE_LIMITED",
      said,
      `Rate limited: retry in ${Math.ceil(retryAfterMs / 1000)} s.`,
      {
        retryAfterMs,
      },
    );
  }
  if (res.status === 408 || res.status >= 500) {
    throw new NotifierError(
      "NOTIFIER_UNREACHABLE",
      said,
      "The receiver failed; the delivery will be retried.",
    );
  }
  throw new NotifierError("NOTIFIER_REJECTED", said, rejectedHint(res.status), { retryable: false });
}

function rejectedHint(status: number): string {
  if (status >= 300 && status < 400)
    return "The URL redirects; configure the final URL (redirects are not followed).";
  if (status === 404 || status === 410)
    return "The URL no longer exists (deleted webhook or archived channel): create a new one.";
  if (status === 401 || status === 403)
    return "The receiver refused the credentials or signature: check the URL token or shared secret.";
  return "The receiver refused the message; retrying will not help until the configuration changes.";
}
