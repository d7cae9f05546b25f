import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CertwatchError, isCertwatchError } from "@/lib/errors";
import { openCheckpoint, parseCheckpointNote } from "./checkpoint";
import { CompactTree } from "./compact-tree";
import { formatName, readSans, readSubjectCommonNames, readValidity } from "./der-names";
import { locateCertificateTbs, locateTbs } from "./der-walker";
import { processRfc6962Entries, processTile } from "./entry-pipeline";
import { parseLogList } from "./log-list";
import { parseCtExtensions, parseExtraData, parseLeafInput } from "./rfc6962-entry";
import { parseDigitallySigned } from "./signatures";
import { parseGetSth } from "./sth";
import { b64, fixtureJson, navigliDataTile } from "./test-fixtures";
import { parseDataTile } from "./tile-leaf";
import { Watchlist } from "./watchlist";

/** Runs `f`; anything thrown must be a CertwatchError (never a RangeError/TypeError from a parser). */
function onlyTyped(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isCertwatchError(e)) throw e;
  }
}

const everything = new Watchlist(["."]);
const samples = fixtureJson("rfc6962/rfc6962_entry_samples.json").entries;
const realTile = navigliDataTile("000").subarray(0, 12_000);
const realLeafInputs = [samples.ctgo_precert_entry.leaf_input, samples.ctgo_x509_entry.leaf_input].map(b64);
const realExtra = b64(samples.ctgo_precert_entry.extra_data);

function walkAll(der: Uint8Array, certificate: boolean): void {
  const L = certificate ? locateCertificateTbs(der) : locateTbs(der);
  readSans(der, L);
  readSubjectCommonNames(der, L);
  readValidity(der, L);
  formatName(der, L.issuerStart, L.issuerEnd);
}

/** Real bytes with a few random byte flips and a random truncation: reaches deep parser states. */
const mutated = (base: Uint8Array) =>
  fc
    .tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat())
    .map(([flips, cut]) => {
      const b = Buffer.from(base);
      for (const [at, v] of flips) b[at % b.length] = v;
      return b.subarray(0, b.length - (cut % 64 === 0 ? cut % b.length : 0));
    });

describe("parsers on hostile bytes throw only CertwatchError (property)", () => {
  it("random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        onlyTyped(() => parseLeafInput(bytes));
        onlyTyped(() => parseExtraData(bytes, "x509"));
        onlyTyped(() => parseExtraData(bytes, "precert"));
        onlyTyped(() => parseDataTile(bytes));
        onlyTyped(() => processTile(bytes, 0, everything));
        onlyTyped(() => processRfc6962Entries([{ leafInput: bytes }], 0, everything));
        onlyTyped(() => walkAll(bytes, false));
        onlyTyped(() => walkAll(bytes, true));
        onlyTyped(() => parseCtExtensions(bytes));
        onlyTyped(() => parseDigitallySigned(bytes));
        onlyTyped(() => parseLogList(bytes));
      }),
      { numRuns: 1500 },
    );
  });

  it("mutated real tiles, entries and chains", () => {
    fc.assert(
      fc.property(
        mutated(realTile),
        mutated(realLeafInputs[0]!),
        mutated(realLeafInputs[1]!),
        mutated(realExtra),
        (t, a, b, x) => {
          onlyTyped(() => processTile(t, 0, everything));
          onlyTyped(() => processRfc6962Entries([{ leafInput: a }, { leafInput: b }], 0, everything));
          onlyTyped(() => parseExtraData(x, "precert"));
          for (const leaf of [a, b]) {
            onlyTyped(() => {
              const e = parseLeafInput(leaf);
              walkAll(e.entryType === "x509" ? e.certDer : e.tbsDer, e.entryType === "x509");
            });
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("random text into checkpoints, get-sth bodies and tree state", () => {
    const logId = Buffer.alloc(32, 1);
    const note = fc.array(
      fc.constantFrom("a", "\n", "\u2014 ", " ", "1", "AAAA", "=", "+", "/", "x.example/2026"),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(note, fc.anything(), (parts, json) => {
        const text = parts.join("");
        onlyTyped(() => parseCheckpointNote(text));
        onlyTyped(() => openCheckpoint(text, { logId }));
        onlyTyped(() => parseGetSth(json));
        onlyTyped(() => parseLogList(json));
        onlyTyped(() => CompactTree.fromJSON(json as never));
      }),
      { numRuns: 1500 },
    );
  });
});

it("treats an empty tile as no entries and a tile cut mid-entry as a typed framing error", () => {
  expect(processTile(realTile.subarray(0, 0), 0, everything).count).toBe(0);
  expect(() => processTile(realTile, 0, everything)).toThrow(CertwatchError);
});
