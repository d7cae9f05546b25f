import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCertwatchError } from "@/lib/errors";
import { parseCrtshRows } from "../crtsh/rows";
import { parseTailState } from "../tail/state";
import { navigliDataTile } from "../test-fixtures";
import { sliceDataTile, tileIndexPath } from "./tile-path";

function onlyCertwatchErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isCertwatchError(e)) throw e;
  }
}

describe("parsers of untrusted input never throw anything but CertwatchError", () => {
  it("sliceDataTile on random and mutated tiles", () => {
    const tile = navigliDataTile("000");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.nat(300), fc.nat(300), (bytes, skip, take) => {
        onlyCertwatchErrors(() => sliceDataTile(Buffer.from(bytes), skip, take));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(tile.length - 1), fc.integer({ min: 0, max: 255 }), (at, v) => {
        const copy = Buffer.from(tile);
        copy[at] = v;
        onlyCertwatchErrors(() => sliceDataTile(copy, 3, 200));
      }),
      { numRuns: 300 },
    );
  });

  it("parseCrtshRows and parseTailState on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        onlyCertwatchErrors(() => parseCrtshRows(JSON.stringify(v)));
        onlyCertwatchErrors(() => parseTailState(v));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => onlyCertwatchErrors(() => parseCrtshRows(s))),
      { numRuns: 300 },
    );
  });

  it("tile paths round-trip through their 3-digit groups", () => {
    fc.assert(
      fc.property(fc.nat(Number.MAX_SAFE_INTEGER), (n) => {
        const p = tileIndexPath(n);
        expect(Number(p.replace(/x|\//g, ""))).toBe(n);
        expect(p).toMatch(/^(x\d{3}\/)*\d{3}$/);
      }),
    );
  });
});
