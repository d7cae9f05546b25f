// In-memory cache of revocation answers: kept until the source's nextUpdate (capped by maxTtlMs, so a
// monitor still notices a revocation within the hour), bounded in entries, least-recently-used evicted.
// Concurrent loads of one key share a single fetch (a CRL can be megabytes).

export const DEFAULT_MAX_TTL_MS = 60 * 60_000;
/** Failed lookups are remembered briefly so a dead responder is not hammered by a batch of scans. */
export const ERROR_TTL_MS = 60_000;

interface Entry<T> {
  value: T;
  expiresAt: number;
}

export interface Loaded<T> {
  value: T;
  expiresAt: number;
}

export class RevocationCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly inflight = new Map<string, Promise<T>>();
  hits = 0;
  misses = 0;

  constructor(readonly maxEntries = 1_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= now) return undefined;
    this.entries.set(key, entry); // re-insert: Map order is our recency order
    return entry.value;
  }

  set(key: string, value: T, expiresAt: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** The cached value, or the result of `load` (shared with concurrent callers of the same key). */
  async getOrLoad(key: string, now: number, load: () => Promise<Loaded<T>>): Promise<T> {
    const cached = this.get(key, now);
    if (cached !== undefined) {
      this.hits++;
      return cached;
    }
    const pending = this.inflight.get(key);
    if (pending) {
      this.hits++;
      return pending;
    }
    this.misses++;
    const promise = load()
      .then(({ value, expiresAt }) => {
        if (expiresAt > now) this.set(key, value, expiresAt);
        return value;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Until nextUpdate, but no longer than maxTtlMs from now (and maxTtlMs when there is no nextUpdate). */
export function expiryFor(
  nextUpdate: string | Date | null,
  now: number,
  maxTtlMs = DEFAULT_MAX_TTL_MS,
): number {
  const cap = now + maxTtlMs;
  if (nextUpdate === null) return cap;
  const next = new Date(nextUpdate).getTime();
  return Number.isNaN(next) ? cap : Math.min(next, cap);
}
