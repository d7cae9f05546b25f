import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

let built: string | null = null;

/**
 * Path of the LD_PRELOAD shim that turns wildcard binds into loopback binds (compiled once per machine
 * with cc into the temp directory). Test servers without a bind-address option run under it.
 */
export function loopbackBindShim(): string {
  if (built) return built;
  const src = path.join(import.meta.dirname, "loopback-bind.c");
  const out = path.join(os.tmpdir(), `certwatch-loopback-bind-${fs.statSync(src).mtimeMs.toFixed(0)}.so`);
  if (!fs.existsSync(out)) {
    const tmp = `${out}.${process.pid}`;
    execFileSync("cc", ["-shared", "-fPIC", "-O2", "-o", tmp, src, "-ldl"], { stdio: "pipe" });
    fs.renameSync(tmp, out);
  }
  built = out;
  return out;
}
