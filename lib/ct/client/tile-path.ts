import { CertwatchError } from "@/lib/errors";
import { readTileLeaf } from "../tile-leaf";
import { TlsReader } from "../tls-reader";
import { CT_ERROR } from "./errors";

export const TILE_WIDTH = 256;

/** static-ct-api tile index in 3-digit groups, all but the last prefixed `x`: 1234067 → x001/x234/067. */
export function tileIndexPath(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad tile index ${n}`);
  const groups: string[] = [];
  let v = n;
  do {
    groups.unshift(String(v % 1000).padStart(3, "0"));
    v = Math.floor(v / 1000);
  } while (v > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join("/");
}

/** `tile/<level|data>/<N>[.p/<W>]`; width 256 is the full tile. */
export function tilePath(level: number | "data", n: number, width = TILE_WIDTH): string {
  const p = `tile/${level}/${tileIndexPath(n)}`;
  return width === TILE_WIDTH ? p : `${p}.p/${width}`;
}

/** Entries `[skip, skip + take)` of a data tile; throws CT_MALFORMED when the tile holds fewer. */
export function sliceDataTile(tile: Buffer, skip: number, take: number): Buffer {
  const r = new TlsReader(tile);
  let from = 0;
  try {
    for (let i = 0; i < skip + take; i++) {
      if (i === skip) from = r.pos;
      if (r.remaining === 0) throw new RangeError("short");
      readTileLeaf(r);
    }
  } catch {
    throw new CertwatchError(
      CT_ERROR.malformed,
      `Data tile holds fewer than ${skip + take} readable entries`,
      "The log served a truncated or corrupt tile.",
    );
  }
  return tile.subarray(from, r.pos);
}
