// Raw-hello enumeration speed on loopback against real servers (node:tls, openssl s_server, gnutls-serv).
// Run: npx tsx bench/tls-enumerate.ts   (N=20 by default; budget: median ≤ 1,000 ms per TLS 1.2+1.3 server)
import { mkdirSync, writeFileSync } from "node:fs";
import type net from "node:net";
import path from "node:path";
import tls from "node:tls";
import { simulateClients } from "@/lib/tls/clients";
import { enumerateTls } from "@/lib/tls/enumerate";
import { startGnutlsServer } from "@/tests/fakes/gnutls-server";
import { type ChildServer, startOpenSslServer } from "@/tests/fakes/openssl-server";
import { makeChain } from "@/tests/fakes/pki";

const N = Number(process.env.N ?? 20);
const BUDGET_MS = 1000;

interface Target {
  name: string;
  port: number;
}

function nodeServer(opts: tls.TlsOptions): Promise<{ port: number; stop: () => Promise<void> }> {
  const server = tls.createServer(opts, (s) => s.end());
  server.on("tlsClientError", () => {});
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        stop: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}

function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), min: s[0]!, max: s[s.length - 1]! };
}

async function measure(t: Target) {
  const times: number[] = [];
  const conns: number[] = [];
  let suites = 0;
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const f = await enumerateTls({ host: "127.0.0.1", port: t.port, timeoutMs: 4000 });
    times.push(performance.now() - t0);
    conns.push(f.connections);
    suites = f.cipherSuites.length;
  }
  const t0 = performance.now();
  await simulateClients({ host: "127.0.0.1", port: t.port, timeoutMs: 4000 });
  const simMs = performance.now() - t0;
  return {
    target: t.name,
    runs: N,
    suites,
    ms: stats(times),
    connections: stats(conns),
    simulateClientsMs: simMs,
  };
}

async function main() {
  const rsa = await makeChain("localhost", { key: { type: "RSA", bits: 2048 } });
  const ec = await makeChain("localhost", { key: { type: "EC", curve: "P-256" } });
  const rsaPem = { key: rsa.leaf.keyPem, cert: `${rsa.leaf.pem}\n${rsa.intermediate.pem}` };
  const ecPem = { key: ec.leaf.keyPem, cert: `${ec.leaf.pem}\n${ec.intermediate.pem}` };
  const stops: (() => Promise<void>)[] = [];
  const targets: Target[] = [];
  const add = async (name: string, s: { port: number; stop: () => Promise<void> } | ChildServer) => {
    stops.push(() => s.stop());
    targets.push({ name, port: s.port });
  };
  try {
    await add("node TLS1.2+1.3 RSA, default ciphers", await nodeServer(rsaPem));
    await add("node TLS1.2+1.3 ECDSA, server order", await nodeServer({ ...ecPem, honorCipherOrder: true }));
    await add(
      "node TLS1.2 CBC only",
      await nodeServer({ ...rsaPem, maxVersion: "TLSv1.2", ciphers: "ECDHE-RSA-AES128-SHA:AES256-SHA" }),
    );
    await add(
      "node TLS1.0+1.1 only",
      await nodeServer({
        ...rsaPem,
        ciphers: "DEFAULT:@SECLEVEL=0",
        minVersion: "TLSv1",
        maxVersion: "TLSv1.1",
      }),
    );
    const pem = { certPem: rsaPem.cert, keyPem: rsaPem.key };
    await add("openssl s_server TLS1.2+1.3 (serial accept)", await startOpenSslServer(pem));
    await add(
      "gnutls-serv NORMAL+3DES+RC4, TLS1.0-1.3",
      await startGnutlsServer({
        ...pem,
        priority: "NORMAL:+3DES-CBC:+ARCFOUR-128:+VERS-TLS1.1:+VERS-TLS1.0",
      }),
    );
    const results = [];
    for (const t of targets) {
      const r = await measure(t);
      results.push(r);
      console.log(
        `${r.target.padEnd(46)} median ${r.ms.median.toFixed(1)} ms  p95 ${r.ms.p95.toFixed(1)} ms  ` +
          `connections ${r.connections.median}  suites ${r.suites}  clients ${r.simulateClientsMs.toFixed(1)} ms`,
      );
    }
    const worst = Math.max(...results.map((r) => r.ms.median));
    console.log(
      `worst median ${worst.toFixed(1)} ms (budget ${BUDGET_MS} ms): ${worst <= BUDGET_MS ? "OK" : "OVER"}`,
    );
    const out = path.resolve(process.cwd(), "bench/results/tls-enumerate.json");
    mkdirSync(path.dirname(out), { recursive: true });
    const meta = {
      node: process.version,
      cpus: (await import("node:os")).cpus().length,
      at: new Date().toISOString(),
    };
    writeFileSync(out, `${JSON.stringify({ ...meta, budgetMs: BUDGET_MS, results }, null, 2)}\n`);
    console.log(`wrote ${out}`);
  } finally {
    await Promise.all(stops.map((s) => s()));
  }
}

await main();
