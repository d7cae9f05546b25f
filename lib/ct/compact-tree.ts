import { CertwatchError } from "@/lib/errors";
import { EMPTY_ROOT, nodeHash } from "./merkle";

export interface CompactTreeState {
  size: number;
  /** Base64 roots of the perfect subtrees, largest first: one per set bit of `size`. */
  nodes: string[];
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v > 0; v = Math.floor(v / 2)) c += v % 2;
  return c;
}

/**
 * A collapsed Merkle tree (as certspotter keeps per log): enough to append leaves and compute the root,
 * in at most 53 hashes of state. Compare its root with a signed head when the sizes meet.
 */
export class CompactTree {
  private readonly nodes: Buffer[];
  private count: number;

  constructor(size = 0, nodes: Buffer[] = []) {
    if (!Number.isSafeInteger(size) || size < 0 || popcount(size) !== nodes.length) {
      throw new CertwatchError(
        "CT_TREE_STATE_INVALID",
        `Collapsed Merkle tree state is inconsistent: size ${size} with ${nodes.length} subtree hashes`,
        "The stored state is corrupt; restart this log from its last verified position.",
      );
    }
    if (nodes.some((n) => n.length !== 32))
      throw new CertwatchError("CT_TREE_STATE_INVALID", "Bad hash length");
    this.count = size;
    this.nodes = nodes.map((n) => Buffer.from(n));
  }

  get size(): number {
    return this.count;
  }

  append(leafHash: Uint8Array): void {
    let h: Buffer = Buffer.from(leafHash);
    for (let s = this.count; s % 2 === 1; s = Math.floor(s / 2)) h = nodeHash(this.nodes.pop()!, h);
    this.nodes.push(h);
    this.count++;
  }

  /** Appends every 32-byte hash in a packed buffer (e.g. a level-0 hash tile or processTile output). */
  appendPacked(hashes: Uint8Array): void {
    if (hashes.length % 32 !== 0)
      throw new CertwatchError("CT_MALFORMED", "Packed hashes not a multiple of 32");
    for (let i = 0; i < hashes.length; i += 32) this.append(hashes.subarray(i, i + 32));
  }

  root(): Buffer {
    if (this.nodes.length === 0) return Buffer.from(EMPTY_ROOT);
    let r = this.nodes[this.nodes.length - 1]!;
    for (let i = this.nodes.length - 2; i >= 0; i--) r = nodeHash(this.nodes[i]!, r);
    return r;
  }

  clone(): CompactTree {
    return new CompactTree(this.count, this.nodes);
  }

  toJSON(): CompactTreeState {
    return { size: this.count, nodes: this.nodes.map((n) => n.toString("base64")) };
  }

  static fromJSON(state: CompactTreeState): CompactTree {
    if (!state || !Array.isArray(state.nodes))
      throw new CertwatchError("CT_TREE_STATE_INVALID", "Not a tree state");
    return new CompactTree(
      state.size,
      state.nodes.map((n) => Buffer.from(String(n), "base64")),
    );
  }
}
