// `openssl s_server` as a real TLS peer for tests: bound to 127.0.0.1 on a free port, killed by stop().
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ChildServer {
  port: number;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface PemPair {
  certPem: string;
  keyPem: string;
}

export async function writeTempFiles(
  files: Record<string, string>,
): Promise<{ dir: string; paths: Record<string, string> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "certwatch-tls-"));
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = path.join(dir, name);
    await writeFile(paths[name], text);
  }
  return { dir, paths };
}

/** SIGTERM, then SIGKILL after 2 s; resolves once the process is gone. */
export function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill("SIGKILL"), 2000);
    child.once("exit", () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Start `openssl s_server -www` with extra args (e.g. ["-tls1_2", "-cipher", "..."]). */
export async function startOpenSslServer(
  pem: PemPair,
  args: string[] = [],
  timeoutMs = 10_000,
): Promise<ChildServer> {
  const { dir, paths } = await writeTempFiles({ "cert.pem": pem.certPem, "key.pem": pem.keyPem });
  const child = spawn(
    "openssl",
    [
      "s_server",
      "-accept",
      "127.0.0.1:0",
      "-cert",
      paths["cert.pem"]!,
      "-key",
      paths["key.pem"]!,
      "-www",
      ...args,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  const stop = async () => {
    await killChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`openssl s_server did not start: ${out}`)), timeoutMs);
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = /ACCEPT [^\n]*:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`openssl s_server exited (${code}): ${out}`));
      });
    });
    return { port, output: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
