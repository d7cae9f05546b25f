import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/cli/runtime/free-port";

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
  const root = path.resolve(import.meta.dirname, "..", "..");
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

const root = path.resolve(import.meta.dirname, "..", "..");

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
