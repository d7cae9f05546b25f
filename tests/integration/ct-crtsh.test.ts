import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Watchlist } from "@/lib/ct";
import { CrtshClient } from "@/lib/ct/crtsh";
import type { CertwatchError } from "@/lib/errors";
import { type FakeCrtsh, startFakeCrtsh } from "../fakes/crtsh-server";

let fake: FakeCrtsh;
const client = () =>
  new CrtshClient({ baseUrl: fake.url, minDelayMs: 5, maxDelayMs: 40, minIntervalMs: 20, retries: 3 });

beforeAll(async () => {
  fake = await startFakeCrtsh();
});
afterAll(async () => {
  await fake?.close();
});

describe("crt.sh client against a local stand-in", () => {
  it("asks for %.domain with deduplicate=Y and post-filters the rows", async () => {
    const r = await client().search("zxdev.com", new Watchlist([".zxdev.com"]), { excludeExpired: true });
    const u = fake.requests.at(-1)!;
    expect(u.searchParams.get("q")).toBe("%.zxdev.com");
    expect(u.searchParams.get("deduplicate")).toBe("Y");
    expect(u.searchParams.get("exclude")).toBe("expired");
    expect(r).toMatchObject({ rowCount: 8, truncated: false, advice: null });
    expect(r.records).toHaveLength(5);
  });

  it("flags the silent truncation at 10,000 rows with advice", async () => {
    fake.knobs.truncate = true;
    try {
      const r = await client().search("example.com", new Watchlist([".example.com"]));
      expect(r.rowCount).toBe(10_000);
      expect(r.truncated).toBe(true);
      expect(r.advice).toMatch(/10,000/);
    } finally {
      fake.knobs.truncate = false;
    }
  });

  it("retries 429 without Retry-After, 502, 503 and 404-as-timeout", async () => {
    fake.knobs.failures = [429, 502, 503];
    const r = await client().search("github.com", new Watchlist(["github.com"]));
    expect(r.records).toHaveLength(2);
    fake.knobs.failures = [404];
    expect((await client().search("deriv.com", new Watchlist([".deriv.com"]))).records).toHaveLength(2);
  });

  it("gives up after bounded retries with a typed error", async () => {
    fake.knobs.failures = [503, 503, 503, 503, 503];
    const err = await client()
      .search("github.com", new Watchlist(["github.com"]))
      .catch((e: CertwatchError) => e);
    expect((err as CertwatchError).code).toBe("CRTSH_UNAVAILABLE");
    fake.knobs.failures = [429, 429, 429, 429, 429];
    const limited = await client()
      .search("github.com", new Watchlist(["github.com"]))
      .catch((e: CertwatchError) => e);
    expect((limited as CertwatchError).code).toBe("CRTSH_RATE_LIMITED");
    fake.knobs.failures = [];
  });

  it("sends one request at a time, even when asked for several domains at once", async () => {
    fake.knobs.slowMs = 30;
    fake.maxConcurrent = 0;
    try {
      const c = client();
      const all = await Promise.all(
        ["example.com", "zxdev.com", "github.com"].map((d) => c.search(d, new Watchlist([`.${d}`]))),
      );
      expect(all.map((r) => r.domain)).toEqual(["example.com", "zxdev.com", "github.com"]);
      expect(fake.maxConcurrent).toBe(1);
    } finally {
      fake.knobs.slowMs = 0;
    }
  });

  it("times out a slow crt.sh", async () => {
    fake.knobs.slowMs = 500;
    try {
      const c = new CrtshClient({ baseUrl: fake.url, timeoutMs: 100, retries: 0, minIntervalMs: 0 });
      const err = await c
        .search("example.com", new Watchlist([".example.com"]))
        .catch((e: CertwatchError) => e);
      expect((err as CertwatchError).code).toBe("CRTSH_UNAVAILABLE");
    } finally {
      fake.knobs.slowMs = 0;
    }
  });
});
