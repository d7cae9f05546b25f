import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompactTree } from "./compact-tree";
import { consistencyProof, EMPTY_ROOT, inclusionProof, leafHash, merkleTreeHash, nodeHash } from "./merkle";
import { verifyConsistency, verifyInclusion } from "./merkle-verify";
import { parseLeafInput } from "./rfc6962-entry";
import { b64, fixtureJson, navigliLeafHashes } from "./test-fixtures";

const leaves = navigliLeafHashes();
const derived = fixtureJson("static-ct/navigli2025h2/derived_proofs.json");
const hashes = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

describe("Merkle tree hashes (real Navigli leaf hashes)", () => {
  it("reproduces the published roots for 1024 and 778 leaves and every derived size", () => {
    expect(merkleTreeHash(leaves).toString("hex")).toMatch(/^10c7c61b.*2c90$/);
    expect(merkleTreeHash(leaves.slice(0, 778)).toString("hex")).toMatch(/^f969c738.*e765$/);
    for (const [size, root] of Object.entries<string>(derived.roots)) {
      expect(merkleTreeHash(leaves.slice(0, Number(size))).toString("base64")).toBe(root);
    }
    expect(merkleTreeHash([])).toEqual(createHash("sha256").digest());
  });

  it("verifies the derived inclusion proofs and rejects tampered or truncated ones", () => {
    for (const p of derived.inclusion) {
      const input = {
        leafHash: b64(p.leaf_hash),
        leafIndex: p.leaf_index,
        treeSize: p.tree_size,
        proof: p.audit_path.map(b64),
        rootHash: b64(derived.roots[p.tree_size]),
      };
      expect(verifyInclusion(input)).toBe(true);
      expect(
        inclusionProof(p.leaf_index, leaves.slice(0, p.tree_size)).map((h) => h.toString("base64")),
      ).toEqual(p.audit_path);
      expect(verifyInclusion({ ...input, proof: input.proof.slice(1) })).toBe(false);
      expect(verifyInclusion({ ...input, leafIndex: input.leafIndex ^ 1 })).toBe(false);
      expect(verifyInclusion({ ...input, treeSize: input.treeSize + 1 })).toBe(false);
    }
  });

  it("verifies the derived consistency proofs, including 1024 → 1024", () => {
    for (const p of derived.consistency) {
      const input = {
        firstSize: p.first,
        secondSize: p.second,
        firstRoot: b64(p.first_root),
        secondRoot: b64(p.second_root),
        proof: p.consistency.map(b64),
      };
      expect(verifyConsistency(input)).toBe(true);
      expect(consistencyProof(p.first, leaves.slice(0, p.second)).map((h) => h.toString("base64"))).toEqual(
        p.consistency,
      );
      if (input.proof.length > 0)
        expect(verifyConsistency({ ...input, proof: input.proof.slice(0, -1) })).toBe(false);
      expect(verifyConsistency({ ...input, firstRoot: nodeHash(input.firstRoot, input.firstRoot) })).toBe(
        false,
      );
    }
  });

  it("verifies the real Argon2026h1 inclusion proof at index 1,234,567,890 (sizes past 2^31)", () => {
    const f = fixtureJson("rfc6962/argon2026h1_inclusion_proof_1234567890.json");
    const li = b64(f.leaf_input);
    expect(parseLeafInput(li).entryType).toBe("precert");
    const input = {
      leafHash: leafHash(li),
      leafIndex: f.leaf_index,
      treeSize: f.tree_size,
      proof: f.audit_path.map(b64),
      rootHash: b64(f.sha256_root_hash),
    };
    expect(verifyInclusion(input)).toBe(true);
    expect(verifyInclusion({ ...input, leafIndex: f.leaf_index + 1 })).toBe(false);
  });

  it("detects the SYNTHETIC four-entry STH whose root is not the entries' root", () => {
    const four = fixtureJson("rfc6962/ctgo_scanner_2013_four_entries_get-entries.json").entries;
    const sth = fixtureJson("rfc6962/ctgo_scanner_2013_four_entries_SYNTHETIC_sth.json");
    const tree = new CompactTree();
    for (const e of four) tree.append(leafHash(b64(e.leaf_input)));
    expect(tree.size).toBe(sth.tree_size);
    expect(tree.root().toString("base64")).toMatch(/^A26tmgca/);
    expect(tree.root().equals(b64(sth.sha256_root_hash))).toBe(false);
  });

  it("handles the consistency edge cases: empty first tree, equal sizes, first > second", () => {
    const r = merkleTreeHash(hashes(5));
    expect(
      verifyConsistency({ firstSize: 0, secondSize: 5, firstRoot: EMPTY_ROOT, secondRoot: r, proof: [] }),
    ).toBe(true);
    expect(verifyConsistency({ firstSize: 5, secondSize: 5, firstRoot: r, secondRoot: r, proof: [] })).toBe(
      true,
    );
    expect(
      verifyConsistency({ firstSize: 5, secondSize: 5, firstRoot: r, secondRoot: EMPTY_ROOT, proof: [] }),
    ).toBe(false);
    expect(verifyConsistency({ firstSize: 6, secondSize: 5, firstRoot: r, secondRoot: r, proof: [] })).toBe(
      false,
    );
    expect(verifyInclusion({ leafHash: r, leafIndex: 0, treeSize: 0, proof: [], rootHash: r })).toBe(false);
  });
});

describe("CompactTree", () => {
  it("matches MTH after every append up to 1024 real leaves, and round-trips through JSON", () => {
    const tree = new CompactTree();
    for (const [i, h] of leaves.entries()) {
      tree.append(h);
      if ([1, 2, 3, 7, 255, 256, 257, 778].includes(i + 1)) {
        expect(tree.root().toString("base64")).toBe(derived.roots[i + 1]);
      }
    }
    expect(tree.root().toString("base64")).toBe(derived.roots["1024"]);
    expect(tree.toJSON().nodes).toHaveLength(1);
    const half = new CompactTree();
    half.appendPacked(Buffer.concat(leaves.slice(0, 778)));
    expect(half.toJSON().nodes).toHaveLength(4); // 778 = 0b1100001010
    const restored = CompactTree.fromJSON(JSON.parse(JSON.stringify(half)));
    for (const h of leaves.slice(778)) restored.append(h);
    expect(restored.root()).toEqual(tree.root());
  });

  it("rejects inconsistent state", () => {
    expect(() => CompactTree.fromJSON({ size: 3, nodes: [EMPTY_ROOT.toString("base64")] })).toThrow(
      /inconsistent/,
    );
    expect(() => CompactTree.fromJSON({ size: 1, nodes: ["AAAA"] })).toThrow(/hash length/i);
    expect(new CompactTree().root()).toEqual(EMPTY_ROOT);
  });

  it("root equals MTH, generated proofs verify and tampered ones fail (property)", () => {
    const all = hashes(300);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), (n, a, b) => {
        const list = all.slice(0, n);
        const tree = new CompactTree();
        for (const h of list) tree.append(h);
        const root = merkleTreeHash(list);
        expect(tree.root()).toEqual(root);
        const index = a % n;
        const proof = inclusionProof(index, list);
        expect(
          verifyInclusion({ leafHash: list[index]!, leafIndex: index, treeSize: n, proof, rootHash: root }),
        ).toBe(true);
        if (proof.length > 0) {
          const bad = proof.map((p, i) => (i === b % proof.length ? nodeHash(p, p) : p));
          expect(
            verifyInclusion({
              leafHash: list[index]!,
              leafIndex: index,
              treeSize: n,
              proof: bad,
              rootHash: root,
            }),
          ).toBe(false);
        }
        const m = 1 + (b % n);
        const c = consistencyProof(m, list);
        const old = merkleTreeHash(list.slice(0, m));
        expect(
          verifyConsistency({ firstSize: m, secondSize: n, firstRoot: old, secondRoot: root, proof: c }),
        ).toBe(true);
        if (c.length > 0) {
          const bad = c.map((p, i) => (i === a % c.length ? nodeHash(p, p) : p));
          expect(
            verifyConsistency({ firstSize: m, secondSize: n, firstRoot: old, secondRoot: root, proof: bad }),
          ).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
