import { type ChildProcess, spawn } from "node:child_process";

export interface Supervised {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Spawn a child whose output is prefixed with its name, so web and worker logs stay readable together. */
export function supervise(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Supervised {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of String(chunk).split("\n")) if (line) stream.write(`[${name}] ${line}\n`);
  };
  child.stdout?.on("data", prefix(process.stdout));
  child.stderr?.on("data", prefix(process.stderr));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { name, child, exited };
}

export async function stopAll(children: Supervised[], graceMs = 10_000): Promise<void> {
  for (const c of children) if (c.child.exitCode === null) c.child.kill("SIGTERM");
  const timeout = new Promise((r) => setTimeout(r, graceMs).unref());
  await Promise.race([Promise.all(children.map((c) => c.exited)), timeout]);
  for (const c of children)
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill("SIGKILL");
}
