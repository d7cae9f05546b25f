import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-race-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function migrateInChild(file: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "db/migrate-cli.ts"], {
      env: { ...process.env, DATABASE_PATH: file, CERTWATCH_DATA_DIR: dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (out += b));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

it("several processes migrating one brand-new file at once all succeed, and the schema is applied once", async () => {
  for (let round = 0; round < 3; round++) {
    const file = path.join(dir, `race-${round}.db`);
    const results = await Promise.all([1, 2, 3, 4].map(() => migrateInChild(file)));
    for (const r of results) expect(r.code, r.out).toBe(0);
    const applied = results.map((r) => Number(/(\d+) migration/.exec(r.out)?.[1]));
    expect(applied.filter((n) => n > 0)).toHaveLength(1);
    const db = new Database(file, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all();
    db.close();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(
      expect.arrayContaining(["certificates", "endpoints", "observations", "scans"]),
    );
  }
}, 60_000);
