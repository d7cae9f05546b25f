// `npm test`: lint, type check, compose validation, unit + integration (Vitest), browser (Playwright).
// Ends with the plain `N passed, N failed` line CI reads.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "test-results");
fs.mkdirSync(out, { recursive: true });
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

let passed = 0;
let failed = 0;
const summary: string[] = [];

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function step(name: string, cmd: string, args: string[]): void {
  console.log(`\n=== ${name} ===`);
  const ok = run(cmd, args) === 0;
  if (ok) passed++;
  else failed++;
  summary.push(`${ok ? "ok  " : "FAIL"} ${name}`);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

step("lint (biome)", bin("biome"), ["check", "."]);
step("typecheck (tsc)", bin("tsc"), ["--noEmit"]);
const compose = spawnSync("sh", ["-c", "command -v docker-compose"], { encoding: "utf8" }).stdout.trim();
if (compose) step("docker-compose config", compose, ["-f", "docker-compose.yml", "config", "-q"]);
else summary.push("skip docker-compose config (docker-compose not installed)");

console.log("\n=== vitest (unit + integration) ===");
const vitestJson = path.join(out, "vitest.json");
fs.rmSync(vitestJson, { force: true });
const vStatus = run(bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  numTotalTestSuites: number;
  success: boolean;
}>(vitestJson);
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  summary.push(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
  if (vStatus !== 0 && v.numFailedTests === 0) {
    failed++; // a suite that failed to load counts, even without a failed test
    summary.push("FAIL vitest exited non-zero (a test file failed to load?)");
  }
} else {
  failed++;
  summary.push("FAIL vitest produced no report");
}

if (process.env.CERTWATCH_SKIP_E2E !== "1") {
  console.log("\n=== playwright (browser) ===");
  const pwJson = path.join(out, "playwright.json");
  fs.rmSync(pwJson, { force: true });
  const pStatus = run(bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
    pwJson,
  );
  if (p) {
    passed += p.stats.expected + p.stats.flaky;
    failed += p.stats.unexpected;
    summary.push(`playwright: ${p.stats.expected + p.stats.flaky} passed, ${p.stats.unexpected} failed`);
    if (pStatus !== 0 && p.stats.unexpected === 0) {
      failed++;
      summary.push("FAIL playwright exited non-zero (global setup?)");
    }
  } else {
    failed++;
    summary.push("FAIL playwright produced no report");
  }
}

console.log(`\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
