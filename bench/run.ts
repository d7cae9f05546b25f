// `npm run bench`: every benchmark in this folder, one after another (each prints and writes results/).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const skip = new Set(["run.ts", "lib.ts"]);
const only = process.argv.slice(2);
const scripts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !skip.has(f) && (only.length === 0 || only.some((o) => f.includes(o))));
let failed = 0;
for (const s of scripts) {
  console.log(`\n=== bench/${s} ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, s)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
