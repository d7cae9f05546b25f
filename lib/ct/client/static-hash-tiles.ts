import { CertwatchError } from "@/lib/errors";
import { CompactTree } from "../compact-tree";
import { merkleTreeHash, nodeHash, splitPoint } from "../merkle";
import { CT_ERROR } from "./errors";
import { TILE_WIDTH } from "./tile-path";

export type HashTileFetcher = (level: number, n: number, width: number) => Promise<Buffer>;

const MAX_LEVEL = 5;

/**
 * Merkle hashes of the tree of `treeSize` leaves read from its hash tiles: a perfect subtree of 2^k
 * leaves is the root of 2^(k mod 8) hashes of one tile at level floor(k / 8). Tiles are cached.
 */
export class HashTileReader {
  private readonly cache = new Map<string, Promise<Buffer>>();
  constructor(
    private readonly treeSize: number,
    private readonly fetch: HashTileFetcher,
  ) {}

  /** Root of the perfect subtree of 2^k leaves starting at `lo` (a multiple of 2^k). */
  async perfect(lo: number, k: number): Promise<Buffer> {
    const level = Math.min(Math.floor(k / 8), MAX_LEVEL);
    const unit = TILE_WIDTH ** level;
    const first = lo / unit;
    const count = 2 ** k / unit;
    const n = Math.floor(first / TILE_WIDTH);
    const width = Math.min(TILE_WIDTH, Math.floor(this.treeSize / unit) - n * TILE_WIDTH);
    const key = `${level}/${n}/${width}`;
    if (!this.cache.has(key)) this.cache.set(key, this.fetch(level, n, width));
    const tile = await this.cache.get(key)!;
    const from = (first - n * TILE_WIDTH) * 32;
    if (count > TILE_WIDTH || tile.length < from + count * 32) {
      throw new CertwatchError(CT_ERROR.malformed, `Hash tile ${key} is shorter than the tree needs`);
    }
    const hashes = Array.from({ length: count }, (_, i) => tile.subarray(from + i * 32, from + i * 32 + 32));
    return merkleTreeHash(hashes);
  }

  /** MTH of leaves [lo, hi): the left part of every split is a perfect, aligned subtree. */
  async range(lo: number, hi: number): Promise<Buffer> {
    const n = hi - lo;
    if (Number.isInteger(Math.log2(n))) return this.perfect(lo, Math.log2(n));
    const k = splitPoint(n);
    return nodeHash(await this.perfect(lo, Math.log2(k)), await this.range(lo + k, hi));
  }
}

/** The collapsed tree of the first `size` leaves, one subtree root per set bit of `size`. */
export async function compactTreeFromHashTiles(
  size: number,
  treeSize: number,
  fetch: HashTileFetcher,
): Promise<CompactTree> {
  const tiles = new HashTileReader(treeSize, fetch);
  const nodes: Buffer[] = [];
  let offset = 0;
  for (let k = 52; k >= 0; k--) {
    if (Math.floor(size / 2 ** k) % 2 === 0) continue;
    nodes.push(await tiles.perfect(offset, k));
    offset += 2 ** k;
  }
  return new CompactTree(size, nodes);
}

/** RFC 9162 §2.1.4.1 SUBPROOF over the tiles: the consistency proof from `first` to `treeSize`. */
export async function consistencyProofFromHashTiles(
  first: number,
  treeSize: number,
  fetch: HashTileFetcher,
): Promise<Buffer[]> {
  const tiles = new HashTileReader(treeSize, fetch);
  const sub = async (m: number, lo: number, hi: number, whole: boolean): Promise<Buffer[]> => {
    const n = hi - lo;
    if (m === n) return whole ? [] : [await tiles.range(lo, hi)];
    const k = splitPoint(n);
    if (m <= k) return [...(await sub(m, lo, lo + k, whole)), await tiles.range(lo + k, hi)];
    return [...(await sub(m - k, lo + k, hi, false)), await tiles.perfect(lo, Math.log2(k))];
  };
  if (first === 0 || first === treeSize) return [];
  return sub(first, 0, treeSize, true);
}
