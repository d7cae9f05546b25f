import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { encodeTileLeaf } from "./encode";
import { parseCtExtensions } from "./rfc6962-entry";
import { NAVIGLI_TILES, navigliDataTile, navigliHashTile } from "./test-fixtures";
import { iterateDataTile, leafHashOfTimestampedEntry, parseDataTile } from "./tile-leaf";

describe("static-ct data tiles (real Navigli 2025h2 tiles)", () => {
  it("frames every entry and reproduces all 1024 level-0 hashes", () => {
    let index = 0;
    for (const name of NAVIGLI_TILES) {
      const leaves = parseDataTile(navigliDataTile(name));
      const hashes = navigliHashTile(name);
      expect(leaves).toHaveLength(256);
      leaves.forEach((leaf, i) => {
        expect(leafHashOfTimestampedEntry(leaf.timestampedEntry)).toEqual(
          hashes.subarray(i * 32, i * 32 + 32),
        );
        expect(leaf.entry.entryType).toBe("precert");
        expect(leaf.preCertificate).not.toBeNull();
        expect(parseCtExtensions(leaf.entry.extensions).leafIndex).toBe(index++);
        expect(leaf.chainFingerprints.length).toBeGreaterThan(0);
      });
    }
  });

  it("reads the partial tile 003.p/10 as the prefix of tile 003", () => {
    const partial = parseDataTile(navigliDataTile("003.p/10"));
    const full = parseDataTile(navigliDataTile("003"));
    expect(partial).toHaveLength(10);
    for (const [i, leaf] of partial.entries()) {
      expect(Buffer.from(leaf.timestampedEntry)).toEqual(Buffer.from(full[i]!.timestampedEntry));
    }
  });

  it("re-encodes leaves byte for byte", () => {
    const tile = navigliDataTile("001");
    expect(Buffer.concat(parseDataTile(tile).map(encodeTileLeaf))).toEqual(tile);
  });

  it("rejects truncated tiles, bad fingerprint lists and oversized tiles", () => {
    const tile = navigliDataTile("000");
    expect(() => parseDataTile(tile.subarray(0, tile.length - 1))).toThrow(CertwatchError);
    const first = parseDataTile(tile)[0]!;
    const badFingerprints = encodeTileLeaf({ ...first, chainFingerprints: [new Uint8Array(31)] });
    expect(() => parseDataTile(badFingerprints)).toThrow(/multiple of 32/);
    expect(() => parseDataTile(Buffer.concat([tile, tile]))).toThrow(/more than 256/);
    expect(() => [...iterateDataTile(tile, 3)]).toThrow(/more than 3/);
  });
});
