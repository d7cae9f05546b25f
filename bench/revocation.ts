// Revocation figures on loopback: OCSP check latency against the fake responder, staple verification,
// and a 100,000-entry CRL (download + index + signature, then serial lookups).
// Run: npx tsx bench/revocation.ts
import { KeyObject, randomBytes, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { certParts } from "@/lib/revocation/cert-parts";
import { checkCrl } from "@/lib/revocation/crl-check";
import { parseCrl } from "@/lib/revocation/crl-parse";
import { normalizeSerialHex } from "@/lib/revocation/der-values";
import { checkOcsp } from "@/lib/revocation/ocsp-check";
import { checkStaple } from "@/lib/revocation/staple";
import { ocspResponseFor, startOcspResponder } from "@/tests/fakes/ocsp-responder";
import { type Issued, issue } from "@/tests/fakes/pki";
import { stats, writeResult } from "./lib";

const CRL_ENTRIES = 100_000;
const LOOKUPS = 1_000_000;

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const len =
    n < 0x80
      ? [n]
      : n < 0x100
        ? [0x81, n]
        : n < 0x10000
          ? [0x82, n >> 8, n & 0xff]
          : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), content]);
}

/** A CRL written directly in DER (X509CrlGenerator is quadratic in the entry count). */
function bigCrl(ca: Issued, serials: Buffer[]): Buffer {
  const alg = tlv(0x30, tlv(0x06, Buffer.from([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]))); // ecdsa-with-SHA256
  const utc = (d: Date) => tlv(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-:T]/g, "")}Z`));
  const reason = tlv(
    0x30,
    tlv(
      0x30,
      Buffer.concat([tlv(0x06, Buffer.from([0x55, 0x1d, 0x15])), tlv(0x04, tlv(0x0a, Buffer.from([1])))]),
    ),
  );
  const revokedAt = utc(new Date(Date.now() - 86_400_000));
  const entries = serials.map((s, i) =>
    tlv(0x30, Buffer.concat([tlv(0x02, s), revokedAt, ...(i % 4 === 0 ? [reason] : [])])),
  );
  const tbs = tlv(
    0x30,
    Buffer.concat([
      tlv(0x02, Buffer.from([1])),
      alg,
      Buffer.from(certParts(ca.der).subjectRaw),
      utc(new Date(Date.now() - 60_000)),
      utc(new Date(Date.now() + 7 * 86_400_000)),
      tlv(0x30, Buffer.concat(entries)),
    ]),
  );
  const sig = sign("sha256", tbs, KeyObject.from(ca.keys.privateKey));
  return tlv(0x30, Buffer.concat([tbs, alg, tlv(0x03, Buffer.concat([Buffer.from([0]), sig]))]));
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

async function ocspFigures(ca: Issued) {
  const responder = await startOcspResponder({ ca });
  const leaf = await issue(ca, { dnsNames: ["bench.test"] });
  responder.setStatus(leaf, { status: "good" });
  const parts = { leaf: certParts(leaf.der), issuer: certParts(ca.der, "issuer") };
  const samples: number[] = [];
  for (let i = 0; i < 200; i++)
    samples.push((await timed(() => checkOcsp({ url: responder.url, ...parts })))[0]);
  await responder.close();
  const staple = await ocspResponseFor(leaf, { status: "good" }, { ca });
  const stapleSamples: number[] = [];
  for (let i = 0; i < 1_000; i++)
    stapleSamples.push((await timed(() => checkStaple({ stapleDer: staple, ...parts })))[0]);
  return { ocspCheckMs: stats(samples.slice(20)), stapleVerifyMs: stats(stapleSamples.slice(100)) };
}

async function crlFigures(ca: Issued) {
  const serials = Array.from({ length: CRL_ENTRIES }, () =>
    Buffer.concat([Buffer.from([0x01]), randomBytes(15)]),
  );
  const der = bigCrl(ca, serials);
  const server = http.createServer((_q, r) => r.end(der));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big.crl`;
  const leaf = await issue(ca, { serialNumber: serials[12_345]!.toString("hex") });
  const parts = { leaf: certParts(leaf.der), issuer: certParts(ca.der, "issuer") };
  const index: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 6; i++) {
    index.push((await timed(() => parseCrl(der)))[0]);
    const [ms, r] = await timed(() => checkCrl({ url, ...parts, cache: null }));
    if (r.status !== "revoked") throw new Error(`expected revoked, got ${r.status}: ${r.error}`);
    full.push(ms);
  }
  server.closeAllConnections();
  server.close();
  const crl = parseCrl(der);
  // Half hits, half misses, normalised as lookups are (lowercase hex, no leading zeros).
  const probes = serials
    .slice(0, 1_000)
    .map((s, i) => normalizeSerialHex((i % 2 ? s : randomBytes(16)).toString("hex")));
  const t0 = performance.now();
  let hits = 0;
  for (let i = 0; i < LOOKUPS; i++) if (crl.entries.has(probes[i % probes.length]!)) hits++;
  const lookupMs = performance.now() - t0;
  return {
    crlEntries: CRL_ENTRIES,
    crlBytes: der.length,
    crlIndexMs: stats(index.slice(1)),
    crlDownloadVerifyIndexLookupMs: stats(full.slice(1)),
    lookupsPerSecond: Math.round(LOOKUPS / (lookupMs / 1000)),
    lookupHitShare: hits / LOOKUPS,
    heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

const ca = await issue(null, { subject: "CN=Bench CA", ca: true });
writeResult("revocation", { ...(await ocspFigures(ca)), ...(await crlFigures(ca)) });
