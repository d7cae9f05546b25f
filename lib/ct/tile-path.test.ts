import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { dataTilePath, encodeTileIndex, hashTilePath, tilesForSize } from "./tile-path";

describe("static-ct tile paths", () => {
  it("groups the index in threes with x prefixes (spec examples)", () => {
    expect(encodeTileIndex(1234067)).toBe("x001/x234/067");
    expect(encodeTileIndex(0)).toBe("000");
    expect(encodeTileIndex(999)).toBe("999");
    expect(encodeTileIndex(1000)).toBe("x001/000");
    expect(dataTilePath(3)).toBe("tile/data/003");
    expect(dataTilePath(3, 10)).toBe("tile/data/003.p/10");
    expect(hashTilePath(0, 3, 10)).toBe("tile/0/003.p/10");
    expect(hashTilePath(2, 1234067)).toBe("tile/2/x001/x234/067");
  });

  it("finds the full and partial tiles of a tree (size 70,000 from the spec)", () => {
    expect(tilesForSize(70_000, 0)).toEqual({
      fullTiles: 273,
      partial: { level: 0, index: 273, width: 112 },
    });
    expect(tilesForSize(70_000, 1)).toEqual({ fullTiles: 1, partial: { level: 1, index: 1, width: 17 } });
    expect(tilesForSize(70_000, 2)).toEqual({ fullTiles: 0, partial: { level: 2, index: 0, width: 1 } });
    expect(tilesForSize(1024, 0)).toEqual({ fullTiles: 4, partial: null });
    expect(tilesForSize(778, 0).partial).toEqual({ level: 0, index: 3, width: 10 });
  });

  it("rejects impossible indexes and widths", () => {
    expect(() => encodeTileIndex(-1)).toThrow(CertwatchError);
    expect(() => dataTilePath(1, 0)).toThrow(CertwatchError);
    expect(() => dataTilePath(1, 257)).toThrow(CertwatchError);
    expect(() => hashTilePath(1.5, 1)).toThrow(CertwatchError);
  });
});
