import { gunzipSync } from "node:zlib";
import { CertwatchError, isCertwatchError } from "@/lib/errors";
import { fetchLimited, type LimitedResponse } from "@/lib/http/fetch-limited";
import { CT_ERROR } from "./errors";
import type { HttpTuning } from "./types";

const MIB = 1024 * 1024;

export interface CtResponse {
  status: number;
  body: Buffer;
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(t);
      reject(signal!.reason);
    }
    signal?.addEventListener("abort", abort, { once: true });
  });

/** Jittered exponential backoff (half to full of the capped delay), as certspotter does. */
export function backoffMs(attempt: number, t: HttpTuning): number {
  const cap = Math.min(t.maxDelayMs ?? 30_000, (t.minDelayMs ?? 100) * 2 ** attempt);
  return Math.round(cap / 2 + Math.random() * (cap / 2));
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function decode(res: LimitedResponse, maxBytes: number, sniffGzip: boolean): Buffer {
  const enc = String(res.headers["content-encoding"] ?? "").toLowerCase();
  const looksGzip = sniffGzip && res.body[0] === 0x1f && res.body[1] === 0x8b;
  if (enc !== "gzip" && !looksGzip) return res.body;
  try {
    return gunzipSync(res.body, { maxOutputLength: maxBytes });
  } catch (cause) {
    throw new CertwatchError(CT_ERROR.malformed, `${res.url} sent a broken or oversized gzip body`, null, {
      cause,
    });
  }
}

function failure(url: string, status: number | null, cause?: unknown): CertwatchError {
  if (status === 429) {
    return new CertwatchError(
      CT_ERROR.rateLimited,
      `${url} kept answering 429 Too Many Requests`,
      "The log throttles us; the next run resumes where this one stopped.",
    );
  }
  const what = status ? `HTTP ${status}` : isCertwatchError(cause) ? cause.message : String(cause);
  return new CertwatchError(
    CT_ERROR.unavailable,
    `${url} failed: ${what}`,
    "The log or the network is down; the next run retries.",
    { cause },
  );
}

/**
 * GET with the CT client's rules: no redirects, size and time caps, gzip accepted, and bounded
 * jittered retries on 429 (honouring Retry-After), 5xx and network errors. 200 and 404 are returned.
 */
export async function ctGet(
  url: string,
  t: HttpTuning & { signal?: AbortSignal; sniffGzip?: boolean; accept?: string },
): Promise<CtResponse> {
  const retries = t.retries ?? 6;
  const maxBytes = t.maxBytes ?? 64 * MIB;
  for (let attempt = 0; ; attempt++) {
    let res: LimitedResponse | null = null;
    let error: unknown = null;
    try {
      res = await fetchLimited({
        url,
        timeoutMs: t.timeoutMs ?? 60_000,
        maxBytes,
        maxRedirects: 0,
        signal: t.signal,
        headers: { "accept-encoding": "gzip, identity", accept: t.accept ?? "*/*" },
      });
    } catch (err) {
      if (t.signal?.aborted) throw err;
      if (isCertwatchError(err) && err.code === "RESPONSE_TOO_LARGE") throw err;
      error = err;
    }
    if (res && (res.status === 200 || res.status === 404)) {
      return {
        status: res.status,
        body: res.status === 200 ? decode(res, maxBytes, !!t.sniffGzip) : res.body,
      };
    }
    const status = res?.status ?? null;
    const retryable = status === null || status === 429 || status >= 500;
    if (!retryable || attempt >= retries) throw failure(url, status, error);
    const hinted = status === 429 || status === 503 ? retryAfterMs(res?.headers["retry-after"]) : null;
    const wait = hinted !== null ? Math.min(hinted, t.maxDelayMs ?? 30_000) : backoffMs(attempt, t);
    await sleep(wait, t.signal);
  }
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path}`;
}
