// `gnutls-serv` as a real TLS peer for what OpenSSL 3 no longer serves (3DES, RC4, DH < 1024).
// gnutls-serv 3.7 has no bind-address option, so it runs under an LD_PRELOAD shim that rewrites its
// wildcard binds to loopback: like every test server, it is reachable on 127.0.0.1 / ::1 only.
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import net from "node:net";
import { loopbackBindShim } from "./loopback-bind";
import { type ChildServer, killChild, type PemPair, writeTempFiles } from "./openssl-server";

export interface GnutlsOptions extends PemPair {
  /** GnuTLS priority string, e.g. "NORMAL:+3DES-CBC:+ARCFOUR-128". */
  priority: string;
  /** PEM "DH PARAMETERS" for DHE suites. */
  dhParamsPem?: string;
  /** Request a client certificate (gnutls-serv's default); off unless set. */
  requestClientCert?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: "127.0.0.1", port });
    sock.once("connect", () => {
      sock.destroy();
      resolve(true);
    });
    sock.once("error", () => resolve(false));
  });
}

async function launch(
  o: GnutlsOptions,
  files: Record<string, string>,
  timeoutMs: number,
): Promise<ChildServer | null> {
  const port = await freePort();
  const args = ["-p", String(port), "--x509certfile", files["cert.pem"]!, "--x509keyfile", files["key.pem"]!];
  args.push("--priority", o.priority);
  if (files["dh.pem"]) args.push("--dhparams", files["dh.pem"]);
  if (!o.requestClientCert) args.push("--disable-client-cert");
  const child = spawn("gnutls-serv", args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LD_PRELOAD: loopbackBindShim() },
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await accepts(port)) return { port, output: () => out, stop: () => killChild(child) };
    await new Promise((r) => setTimeout(r, 50));
  }
  await killChild(child);
  if (/Error|error/.test(out) && !/bind|Address already in use/i.test(out))
    throw new Error(`gnutls-serv failed: ${out}`);
  return null;
}

/** Start gnutls-serv; retries on a new port if another process took the one picked. */
export async function startGnutlsServer(o: GnutlsOptions, timeoutMs = 10_000): Promise<ChildServer> {
  const files: Record<string, string> = { "cert.pem": o.certPem, "key.pem": o.keyPem };
  if (o.dhParamsPem) files["dh.pem"] = o.dhParamsPem;
  const { dir, paths } = await writeTempFiles(files);
  for (let attempt = 0; attempt < 3; attempt++) {
    const server = await launch(o, paths, timeoutMs).catch(async (e) => {
      await rm(dir, { recursive: true, force: true });
      throw e;
    });
    if (server) {
      return {
        ...server,
        stop: async () => {
          await server.stop();
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error("gnutls-serv did not start after 3 attempts");
}
