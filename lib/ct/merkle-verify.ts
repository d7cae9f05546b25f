import { nodeHash } from "./merkle";

/** Proof verification per RFC 9162 §2.1.3.2 and §2.1.4.2. Sizes go past 2^32, so no bit operators. */

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function validSize(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

export interface InclusionInput {
  leafHash: Uint8Array;
  leafIndex: number;
  treeSize: number;
  proof: readonly Uint8Array[];
  rootHash: Uint8Array;
}

export function verifyInclusion({ leafHash, leafIndex, treeSize, proof, rootHash }: InclusionInput): boolean {
  if (!validSize(leafIndex) || !validSize(treeSize) || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0 || p.length !== 32) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = nodeHash(r, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && same(r, rootHash);
}

export interface ConsistencyInput {
  firstSize: number;
  secondSize: number;
  firstRoot: Uint8Array;
  secondRoot: Uint8Array;
  proof: readonly Uint8Array[];
}

export function verifyConsistency(input: ConsistencyInput): boolean {
  const { firstSize, secondSize, firstRoot, secondRoot, proof } = input;
  if (!validSize(firstSize) || !validSize(secondSize) || firstSize > secondSize) return false;
  // Any tree extends the empty one; equal sizes need equal roots and nothing else.
  if (firstSize === 0) return proof.length === 0;
  if (firstSize === secondSize) return proof.length === 0 && same(firstRoot, secondRoot);
  if (proof.length === 0 || proof.some((p) => p.length !== 32)) return false;
  const path = isPowerOfTwo(firstSize) ? [firstRoot, ...proof] : [...proof];
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && same(fr, firstRoot) && same(sr, secondRoot);
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
}
