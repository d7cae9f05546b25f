import { CertwatchError, isCertwatchError } from "@/lib/errors";
import { fetchLimited, type LimitedResponse } from "@/lib/http/fetch-limited";
import { backoffMs, retryAfterMs, sleep } from "../client/http";
import type { Watchlist } from "../watchlist";
import { type CrtshRecord, isTruncated, parseCrtshRows, toRecords } from "./rows";

export interface CrtshOptions {
  /** Default https://crt.sh */
  baseUrl?: string;
  /** Default 60 s: crt.sh is often slow and reports its own timeouts as 404. */
  timeoutMs?: number;
  retries?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Gap kept between two requests to crt.sh. Default 2 s. */
  minIntervalMs?: number;
  maxBytes?: number;
}

export interface CrtshResult {
  domain: string;
  url: string;
  rowCount: number;
  records: CrtshRecord[];
  truncated: boolean;
  /** How to get the rest when truncated. */
  advice: string | null;
}

/** Wait times for crt.sh's failure modes: 429 comes without Retry-After, so back off long. */
function waitFor(res: LimitedResponse | null, attempt: number, o: CrtshOptions): number {
  const hinted = res ? retryAfterMs(res.headers["retry-after"]) : null;
  const t = { minDelayMs: o.minDelayMs ?? 5_000, maxDelayMs: o.maxDelayMs ?? 120_000 };
  if (hinted !== null) return Math.min(hinted, t.maxDelayMs);
  return backoffMs(res?.status === 429 ? attempt + 2 : attempt, t);
}

function failure(status: number | null, err: unknown): CertwatchError {
  if (status === 429) {
    return new CertwatchError(
      "CRTSH_RATE_LIMITED",
      "crt.sh keeps answering 429 Too Many Requests",
      "Poll it less often.",
    );
  }
  const what =
    status === 404
      ? "404 (crt.sh's way of reporting a query timeout)"
      : status
        ? `HTTP ${status}`
        : String((err as Error)?.message ?? err);
  return new CertwatchError(
    "CRTSH_UNAVAILABLE",
    `crt.sh failed: ${what}`,
    "crt.sh is often overloaded; CT log tailing does not depend on it.",
  );
}

/**
 * crt.sh's JSON API, one request at a time with a gap between requests, bounded jittered retries on
 * 429, 5xx and 404-as-timeout, and post-filtering of its loose matches through the watchlist.
 */
export class CrtshClient {
  private queue: Promise<unknown> = Promise.resolve();
  private lastAt = 0;
  constructor(private readonly o: CrtshOptions = {}) {}

  queryUrl(domain: string, excludeExpired: boolean): string {
    const base = (this.o.baseUrl ?? "https://crt.sh").replace(/\/+$/, "");
    const q = encodeURIComponent(`%.${domain.replace(/^\.+/, "")}`);
    return `${base}/?q=${q}&output=json&deduplicate=Y${excludeExpired ? "&exclude=expired" : ""}`;
  }

  search(
    domain: string,
    watchlist: Watchlist,
    opts: { excludeExpired?: boolean; signal?: AbortSignal } = {},
  ): Promise<CrtshResult> {
    const run = this.queue.then(() => this.searchNow(domain, watchlist, opts));
    this.queue = run.catch(() => {});
    return run;
  }

  private async searchNow(
    domain: string,
    watchlist: Watchlist,
    opts: { excludeExpired?: boolean; signal?: AbortSignal },
  ) {
    const url = this.queryUrl(domain, opts.excludeExpired ?? false);
    const body = await this.get(url, opts.signal);
    const rows = parseCrtshRows(body);
    const truncated = isTruncated(rows);
    return {
      domain,
      url,
      rowCount: rows.length,
      records: toRecords(rows, watchlist),
      truncated,
      advice: truncated
        ? `crt.sh returned only its first 10,000 rows for ${domain}: query subdomains one by one, or add exclude=expired.`
        : null,
    };
  }

  private async get(url: string, signal?: AbortSignal): Promise<Buffer> {
    const retries = this.o.retries ?? 4;
    for (let attempt = 0; ; attempt++) {
      await sleep(Math.max(0, this.lastAt + (this.o.minIntervalMs ?? 2_000) - Date.now()), signal);
      let res: LimitedResponse | null = null;
      let err: unknown = null;
      try {
        res = await fetchLimited({
          url,
          timeoutMs: this.o.timeoutMs ?? 60_000,
          maxBytes: this.o.maxBytes ?? 64 * 1024 * 1024,
          signal,
          headers: { accept: "application/json" },
        });
      } catch (e) {
        if (signal?.aborted || (isCertwatchError(e) && e.code === "RESPONSE_TOO_LARGE")) throw e;
        err = e;
      } finally {
        this.lastAt = Date.now();
      }
      if (res?.status === 200) return res.body;
      const status = res?.status ?? null;
      const retryable = status === null || status === 429 || status === 404 || status >= 500;
      if (!retryable || attempt >= retries) throw failure(status, err);
      await sleep(waitFor(res, attempt, this.o), signal);
    }
  }
}
