import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CertwatchError } from "@/lib/errors";
import { freePort, waitForPort } from "./free-port";

const CANDIDATES = [
  "/usr/bin/redis-server",
  "/usr/local/bin/redis-server",
  "/opt/homebrew/bin/redis-server",
  "/usr/sbin/redis-server",
];

export function findRedisServer(): string | null {
  // An explicit binary wins (and, when it is missing, means "none": no silent fallback).
  const explicit = process.env.CERTWATCH_REDIS_SERVER;
  if (explicit) return isExecutable(explicit) ? explicit : null;
  const fromPath = (process.env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "redis-server"));
  return [...fromPath, ...CANDIDATES].find(isExecutable) ?? null;
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const NO_REDIS_HINT = [
  "Certwatch needs Redis for its job queue. Either install it and run `npm start` again:",
  "  Debian/Ubuntu: sudo apt-get install -y redis-server",
  "  macOS:         brew install redis",
  "  Docker:        docker run -d -p 127.0.0.1:6379:6379 redis:7 && export REDIS_URL=redis://127.0.0.1:6379",
  "or point Certwatch at an existing one with REDIS_URL=redis://host:port.",
].join("\n");

export interface LocalRedis {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Start a private redis-server on a free loopback port. `persist` keeps an append-only file under dir
 * (the product); tests pass false for a throwaway instance. Never touches a Redis on 6379.
 */
export async function startLocalRedis(opts: { dir: string; persist: boolean }): Promise<LocalRedis> {
  const bin = findRedisServer();
  if (!bin)
    throw new CertwatchError(
      "REDIS_NOT_FOUND",
      "No redis-server was found and REDIS_URL is not set.",
      NO_REDIS_HINT,
    );
  fs.mkdirSync(opts.dir, { recursive: true });
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", opts.dir, "--save", ""];
  args.push(
    "--appendonly",
    opts.persist ? "yes" : "no",
    "--maxmemory-policy",
    "noeviction",
    "--protected-mode",
    "yes",
  );
  const child = spawn(bin, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (b) => {
    stderr = (stderr + String(b)).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await Promise.race([
      waitForPort(port, "127.0.0.1", 10_000),
      exited.then(() => {
        throw new CertwatchError(
          "REDIS_START_FAILED",
          `redis-server exited at start: ${stderr.trim() || "no output"}`,
        );
      }),
    ]);
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
