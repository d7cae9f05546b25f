import { CertwatchError } from "@/lib/errors";
import { CompactTree } from "../compact-tree";
import { merkleTreeHash } from "../merkle";
import { CT_ERROR } from "./errors";
import { TILE_WIDTH } from "./tile-path";

export type HashTileFetcher = (level: number, n: number, width: number) => Promise<Buffer>;

const MAX_LEVEL = 5;

/**
 * Rebuilds the collapsed tree of the first `size` leaves from the hash tiles of a tree of `treeSize`:
 * each perfect subtree of 2^k leaves is the Merkle root of 2^(k mod 8) hashes of one tile at level
 * floor(k / 8), so at most one tile per set bit of `size` is read.
 */
export async function compactTreeFromHashTiles(
  size: number,
  treeSize: number,
  fetch: HashTileFetcher,
): Promise<CompactTree> {
  const nodes: Buffer[] = [];
  const cache = new Map<string, Promise<Buffer>>();
  let offset = 0;
  for (let k = 52; k >= 0; k--) {
    const span = 2 ** k;
    if (Math.floor(size / span) % 2 === 0) continue;
    const level = Math.min(Math.floor(k / 8), MAX_LEVEL);
    const unit = TILE_WIDTH ** level;
    const first = offset / unit;
    const count = span / unit;
    const n = Math.floor(first / TILE_WIDTH);
    const available = Math.floor(treeSize / unit);
    const width = Math.min(TILE_WIDTH, available - n * TILE_WIDTH);
    const key = `${level}/${n}/${width}`;
    if (!cache.has(key)) cache.set(key, fetch(level, n, width));
    const tile = await cache.get(key)!;
    const from = (first - n * TILE_WIDTH) * 32;
    if (count > TILE_WIDTH || tile.length < from + count * 32) {
      throw new CertwatchError(CT_ERROR.malformed, `Hash tile ${key} is shorter than the tree needs`);
    }
    const hashes = Array.from({ length: count }, (_, i) => tile.subarray(from + i * 32, from + i * 32 + 32));
    nodes.push(merkleTreeHash(hashes));
    offset += span;
  }
  return new CompactTree(size, nodes);
}
