import { describe, expect, it } from "vitest";
import { navigliDataTile } from "../test-fixtures";
import { backoffMs, retryAfterMs } from "./http";
import { originOf } from "./static-client";
import { sliceDataTile, tileIndexPath, tilePath } from "./tile-path";

describe("static-ct-api paths", () => {
  it("writes tile indexes in x-prefixed 3-digit groups", () => {
    expect(tileIndexPath(0)).toBe("000");
    expect(tileIndexPath(67)).toBe("067");
    expect(tileIndexPath(1000)).toBe("x001/000");
    expect(tileIndexPath(1234067)).toBe("x001/x234/067");
    expect(tilePath("data", 3, 10)).toBe("tile/data/003.p/10");
    expect(tilePath(1, 1234067)).toBe("tile/1/x001/x234/067");
  });

  it("derives the checkpoint origin from the submission URL", () => {
    expect(originOf("https://sycamore.ct.letsencrypt.org/2026h1/")).toBe(
      "sycamore.ct.letsencrypt.org/2026h1",
    );
  });

  it("slices entries out of a real data tile and refuses to read past its end", () => {
    const tile = navigliDataTile("003");
    const partial = navigliDataTile("003.p/10");
    expect(sliceDataTile(tile, 0, 10)).toEqual(partial);
    expect(sliceDataTile(tile, 250, 6).length).toBeGreaterThan(0);
    expect(() => sliceDataTile(partial, 5, 6)).toThrow(/fewer than 11/);
  });
});

describe("backoff", () => {
  it("jitters between half and all of the capped exponential delay", () => {
    for (let a = 0; a < 12; a++) {
      const d = backoffMs(a, { minDelayMs: 100, maxDelayMs: 30_000 });
      const cap = Math.min(30_000, 100 * 2 ** a);
      expect(d).toBeGreaterThanOrEqual(cap / 2);
      expect(d).toBeLessThanOrEqual(cap);
    }
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(undefined)).toBeNull();
    expect(retryAfterMs("soon")).toBeNull();
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
  });
});
