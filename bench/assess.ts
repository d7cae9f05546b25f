// Full assessment (handshake + raw enumeration + client simulations + chain + grade) of local servers.
// Budget (issue 3): median ≤ 1 s per TLS 1.2+1.3 host on loopback; concurrent scans of different hosts
// slow each other no more than the CPU does. Loopback only, bounded counts.
import { assessAddress } from "@/lib/assessment/assess-address";
import { makeChain } from "../tests/fakes/pki";
import { startTlsServer } from "../tests/fakes/tls-server";
import { stats, writeResult } from "./lib";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

async function servers() {
  const ec = await makeChain("localhost");
  const rsa = await makeChain("localhost", { key: { type: "RSA", bits: 2048 } });
  const mk = (p: typeof ec, extra: object = {}) =>
    startTlsServer({ cert: p.leaf.pem + p.intermediate.pem, key: p.leaf.keyPem, ...extra });
  return {
    roots: [ec.root.pem, rsa.root.pem].join(""),
    list: [
      { name: "ecdsa-tls12-13", server: await mk(ec) },
      { name: "rsa-tls12-13", server: await mk(rsa) },
      {
        name: "rsa-tls12-only-cbc",
        server: await mk(rsa, {
          maxVersion: "TLSv1.2",
          ciphers: "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA",
        }),
      },
      {
        name: "rsa-legacy-tls10-12",
        server: await mk(rsa, { minVersion: "TLSv1", ciphers: "DEFAULT:@SECLEVEL=0" }),
      },
    ],
  };
}

async function main() {
  const { roots, list } = await servers();
  const target = (port: number) => ({ host: "localhost", port, ip: "127.0.0.1", sni: null, caPem: roots });
  const perServer: Record<string, unknown> = {};
  let sequentialTotal = 0;
  try {
    for (const { name, server } of list) {
      const ms: number[] = [];
      let connections = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        const a = await assessAddress(target(server.port), { timeoutMs: 5_000 });
        ms.push(performance.now() - t0);
        connections = a.cipherSuites.length;
        if (a.error) throw new Error(`${name}: ${a.error.code} ${a.error.message}`);
        if (i === 0) perServer[`${name}:grade`] = a.grade?.letter ?? a.gradeUnavailableReason;
      }
      sequentialTotal += ms.reduce((x, y) => x + y, 0) / ms.length;
      perServer[name] = { ...stats(ms), suites: connections };
    }
    // All hosts at once, several times: wall time per round vs the sum of sequential medians.
    const concurrent: number[] = [];
    for (let i = 0; i < Math.max(3, Math.floor(ROUNDS / 3)); i++) {
      const t0 = performance.now();
      await Promise.all(list.map(({ server }) => assessAddress(target(server.port), { timeoutMs: 5_000 })));
      concurrent.push(performance.now() - t0);
    }
    const c = stats(concurrent);
    writeResult("assess", {
      budget: "median full assessment ≤ 1000 ms per host (testssl.sh: 54–150 s)",
      rounds: ROUNDS,
      perServerMs: perServer,
      concurrent: {
        hosts: list.length,
        wallMs: c,
        sequentialSumMs: Math.round(sequentialTotal),
        speedup: Math.round((sequentialTotal / c.median) * 100) / 100,
      },
    });
  } finally {
    for (const { server } of list) await server.close();
  }
}

await main();
