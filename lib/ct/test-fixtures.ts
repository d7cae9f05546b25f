// Paths and loaders for the shared CT fixtures; used by tests and bench/ only.
import { readFileSync } from "node:fs";
import path from "node:path";

export const CT_FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/ct");
export const NAVIGLI = path.join(CT_FIXTURES, "static-ct/navigli2025h2");
export const NAVIGLI_TILES = ["000", "001", "002", "003"] as const;

export function fixture(rel: string): Buffer {
  return readFileSync(path.join(CT_FIXTURES, rel));
}

// biome-ignore lint/suspicious/noExplicitAny: fixture files are shaped by hand; tests assert on them.
export function fixtureJson<T = any>(rel: string): T {
  return JSON.parse(fixture(rel).toString("utf8")) as T;
}

export function navigliDataTile(name: string): Buffer {
  return readFileSync(path.join(NAVIGLI, "tile/data", name));
}

export function navigliHashTile(name: string): Buffer {
  return readFileSync(path.join(NAVIGLI, "tile/0", name));
}

/** All 1024 real level-0 leaf hashes, 32 bytes each. */
export function navigliLeafHashes(): Buffer[] {
  const all = Buffer.concat(NAVIGLI_TILES.map(navigliHashTile));
  return Array.from({ length: all.length / 32 }, (_, i) => all.subarray(i * 32, i * 32 + 32));
}

export const b64 = (s: string): Buffer => Buffer.from(s, "base64");
