import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildWeb, needsBuild } from "@/cli/runtime/build-if-needed";
import { freePort } from "@/cli/runtime/free-port";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface RunningProduct {
  baseUrl: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * The whole product exactly as `npm start` runs it (private Redis, migrations, web, worker), on free
 * ports with a throwaway data directory.
 */
export async function startProduct(env: Record<string, string> = {}): Promise<RunningProduct> {
  await buildOnce();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-e2e-"));
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "cli", "start.ts")], {
    cwd: root,
    env: {
      ...process.env,
      REDIS_URL: "",
      CERTWATCH_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      CERTWATCH_SKIP_BUILD: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  let log = "";
  const append = (b: Buffer) => {
    log = (log + String(b)).slice(-20_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const deadline = Date.now() + 240_000;
  while (!log.includes("certwatch: ready on")) {
    if (child.exitCode !== null) throw new Error(`certwatch exited during start:\n${log}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`certwatch did not become ready in 240 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    process: child,
    output: () => log,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Test files start products in parallel; two `next build`s into one .next corrupt each other, so builds
 * take a lock (a directory, atomic to create) and each product then starts without building.
 */
async function buildOnce(): Promise<void> {
  const lock = path.join(os.tmpdir(), `certwatch-build-${Buffer.from(root).toString("hex").slice(-24)}.lock`);
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 10 minutes for ${lock}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (needsBuild(root)) buildWeb(root, { ...process.env, NODE_ENV: "production" });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** `certwatch <args>` against a data directory (before or while the product runs); returns stdout. */
export function certwatchCli(dataDir: string, args: string[], stdin = ""): string {
  const r = spawnSync(process.execPath, [path.join(root, "cli", "bin.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, CERTWATCH_DATA_DIR: dataDir, DATABASE_PATH: "" },
    input: stdin,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`certwatch ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  return r.stdout;
}

/** A user made through the CLI, with an API token of theirs. */
export function seedUser(
  dataDir: string,
  email: string,
  role: "admin" | "editor" | "viewer",
  password = "correct horse battery",
): { email: string; password: string; token: string } {
  certwatchCli(dataDir, ["user", "create", "--email", email, "--password-stdin", "--role", role], password);
  const token = certwatchCli(dataDir, ["token", "create", "--email", email, "--name", "tests"]).trim();
  return { email, password, token };
}
