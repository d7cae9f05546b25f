import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_TTL_MS, expiryFor, RevocationCache } from "./cache";

describe("RevocationCache", () => {
  it("expires entries and evicts the least recently used", () => {
    const cache = new RevocationCache<number>(2);
    cache.set("a", 1, 100);
    cache.set("b", 2, 100);
    expect(cache.get("a", 50)).toBe(1); // a is now most recent
    cache.set("c", 3, 100);
    expect(cache.get("b", 50)).toBeUndefined();
    expect(cache.get("a", 50)).toBe(1);
    expect(cache.get("a", 100)).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it("shares one load between concurrent callers and caches the result", async () => {
    const cache = new RevocationCache<string>();
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return { value: "v", expiresAt: 1_000 };
    };
    expect(await Promise.all([cache.getOrLoad("k", 0, load), cache.getOrLoad("k", 0, load)])).toEqual([
      "v",
      "v",
    ]);
    expect(await cache.getOrLoad("k", 10, load)).toBe("v");
    expect(loads).toBe(1);
    expect(cache.hits).toBe(2);
  });

  it("does not cache a failed load", async () => {
    const cache = new RevocationCache<string>();
    await expect(cache.getOrLoad("k", 0, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.getOrLoad("k", 0, async () => ({ value: "ok", expiresAt: 5 }))).toBe("ok");
  });

  it("keeps answers until nextUpdate, capped", () => {
    expect(expiryFor(new Date(5_000), 0)).toBe(5_000);
    expect(expiryFor(new Date(DEFAULT_MAX_TTL_MS * 10), 0)).toBe(DEFAULT_MAX_TTL_MS);
    expect(expiryFor(null, 7)).toBe(7 + DEFAULT_MAX_TTL_MS);
  });
});
