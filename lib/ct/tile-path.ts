import { CertwatchError } from "@/lib/errors";

/** static-ct-api tile addressing: `<mon>/tile/<L>/<N>[.p/<W>]` and `<mon>/tile/data/<N>[.p/<W>]`. */

export const TILE_WIDTH = 256;

function checkIndex(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new CertwatchError("CT_TILE_INVALID", `${what} ${n} is not a non-negative integer`);
  }
}

/** N in 3-digit groups, all but the last prefixed `x`: 1234067 → "x001/x234/067". */
export function encodeTileIndex(n: number): string {
  checkIndex(n, "tile index");
  const groups: string[] = [];
  let v = n;
  do {
    groups.unshift(String(v % 1000).padStart(3, "0"));
    v = Math.floor(v / 1000);
  } while (v > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join("/");
}

function suffix(width: number): string {
  if (width === TILE_WIDTH) return "";
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new CertwatchError("CT_TILE_INVALID", `tile width ${width} is outside 1..256`);
  }
  return `.p/${width}`;
}

/** Path of a hash tile, relative to the monitoring prefix. */
export function hashTilePath(level: number, index: number, width = TILE_WIDTH): string {
  checkIndex(level, "tile level");
  return `tile/${level}/${encodeTileIndex(index)}${suffix(width)}`;
}

export function dataTilePath(index: number, width = TILE_WIDTH): string {
  return `tile/data/${encodeTileIndex(index)}${suffix(width)}`;
}

export interface TileRef {
  level: number;
  index: number;
  width: number;
}

/** The tiles at `level` that cover a tree of `treeSize` leaves: full ones, then a partial one if any. */
export function tilesForSize(treeSize: number, level = 0): { fullTiles: number; partial: TileRef | null } {
  checkIndex(treeSize, "tree size");
  const entries = Math.floor(treeSize / TILE_WIDTH ** level);
  const fullTiles = Math.floor(entries / TILE_WIDTH);
  const width = entries % TILE_WIDTH;
  return { fullTiles, partial: width > 0 ? { level, index: fullTiles, width } : null };
}
