import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-noredis-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("npm start without any Redis says how to get one, without a stack trace", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/start.ts"], {
    env: {
      ...process.env,
      REDIS_URL: "",
      CERTWATCH_REDIS_SERVER: path.join(dir, "no-such-redis-server"),
      CERTWATCH_DATA_DIR: dir,
      CERTWATCH_SKIP_BUILD: "1",
    },
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("No redis-server was found");
  expect(r.stderr).toContain("apt-get install -y redis-server");
  expect(r.stderr).toContain("brew install redis");
  expect(r.stderr).toContain("REDIS_URL");
  expect(r.stderr).not.toMatch(/^\s+at /m);
});

it("a bad setting stops the start with a message naming it", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/start.ts"], {
    env: { ...process.env, PORT: "99999", CERTWATCH_DATA_DIR: dir },
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("PORT");
  expect(r.stderr).not.toMatch(/^\s+at /m);
});
