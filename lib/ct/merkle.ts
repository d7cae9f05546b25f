import { createHash } from "node:crypto";

/** Merkle hashes (RFC 6962 §2.1) plus PATH/PROOF generation (RFC 9162 §2.1.3.1, §2.1.4.1) for fake logs. */

const LEAF = Uint8Array.of(0x00);
const NODE = Uint8Array.of(0x01);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = createHash("sha256").digest();

export function leafHash(leafInput: Uint8Array): Buffer {
  return createHash("sha256").update(LEAF).update(leafInput).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash("sha256").update(NODE).update(left).update(right).digest();
}

/** Largest power of two strictly below n (n ≥ 2); plain arithmetic because sizes exceed 2^31. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function mth(leaves: readonly Uint8Array[], lo: number, hi: number): Buffer {
  if (hi - lo === 1) return Buffer.from(leaves[lo]!);
  const k = splitPoint(hi - lo);
  return nodeHash(mth(leaves, lo, lo + k), mth(leaves, lo + k, hi));
}

/** The Merkle Tree Hash of a list of leaf hashes. */
export function merkleTreeHash(leafHashes: readonly Uint8Array[]): Buffer {
  return leafHashes.length === 0 ? EMPTY_ROOT : mth(leafHashes, 0, leafHashes.length);
}

function path(m: number, leaves: readonly Uint8Array[], lo: number, hi: number): Buffer[] {
  if (hi - lo <= 1) return [];
  const k = splitPoint(hi - lo);
  if (m < k) return [...path(m, leaves, lo, lo + k), mth(leaves, lo + k, hi)];
  return [...path(m - k, leaves, lo + k, hi), mth(leaves, lo, lo + k)];
}

/** The audit path for leaf `index` in the tree of all `leafHashes`. */
export function inclusionProof(index: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  if (!(index >= 0 && index < leafHashes.length)) throw new RangeError("leaf index outside the tree");
  return path(index, leafHashes, 0, leafHashes.length);
}

function subproof(
  m: number,
  leaves: readonly Uint8Array[],
  lo: number,
  hi: number,
  whole: boolean,
): Buffer[] {
  const n = hi - lo;
  if (m === n) return whole ? [] : [mth(leaves, lo, hi)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(m, leaves, lo, lo + k, whole), mth(leaves, lo + k, hi)];
  return [...subproof(m - k, leaves, lo + k, hi, false), mth(leaves, lo, lo + k)];
}

/** The consistency proof from the first `first` leaves to all of `leafHashes`. */
export function consistencyProof(first: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  if (!(first >= 0 && first <= leafHashes.length)) throw new RangeError("first size outside the tree");
  if (first === 0 || first === leafHashes.length) return [];
  return subproof(first, leafHashes, 0, leafHashes.length, true);
}
