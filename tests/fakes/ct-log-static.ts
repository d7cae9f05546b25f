// A real-protocol static-ct-api log on 127.0.0.1: checkpoint, data and hash tiles (full, partial,
// optionally gzip) and issuers by hash.
import { createHash } from "node:crypto";
import http from "node:http";
import { gzipSync } from "node:zlib";
import { merkleTreeHash, signCheckpoint } from "@/lib/ct";
import { FakeLogState } from "./ct-log-base";
import type { FakeEntry } from "./ct-log-entries";
import { listen } from "./tls-server";

export interface FakeStaticLog {
  monitoringUrl: string;
  /** Checkpoint origin (what a submission URL would give). */
  origin: string;
  log: FakeLogState;
  issuers: Map<string, Buffer>;
  close(): Promise<void>;
}

const W = 256;

function parseTileIndex(parts: string[]): number | null {
  if (parts.length === 0) return null;
  let n = 0;
  for (const [i, p] of parts.entries()) {
    const last = i === parts.length - 1;
    const m = (last ? /^(\d{3})$/ : /^x(\d{3})$/).exec(p);
    if (!m) return null;
    n = n * 1000 + Number(m[1]);
  }
  return n;
}

/** tile/<L|data>/<N…>[.p/<W>] → its parts, or null. */
function parseTile(path: string): { level: number | "data"; n: number; width: number } | null {
  const m = /^\/tile\/(data|[0-5])\/(.+?)(?:\.p\/(\d+))?$/.exec(path);
  if (!m) return null;
  const n = parseTileIndex(m[2]!.split("/"));
  const width = m[3] ? Number(m[3]) : W;
  if (n === null || width < 1 || width > W) return null;
  return { level: m[1] === "data" ? "data" : Number(m[1]), n, width };
}

class HashLevels {
  private readonly cache = new Map<string, Buffer>();
  constructor(private readonly entries: FakeEntry[]) {}

  /** Hash i at `level`: the root of 256^level leaves. */
  hash(level: number, i: number): Buffer {
    if (level === 0) return this.entries[i]!.leafHash;
    const key = `${level}/${i}`;
    let h = this.cache.get(key);
    if (!h) {
      h = merkleTreeHash(Array.from({ length: W }, (_, j) => this.hash(level - 1, i * W + j)));
      this.cache.set(key, h);
    }
    return h;
  }
}

function tileBody(log: FakeLogState, levels: HashLevels, t: NonNullable<ReturnType<typeof parseTile>>) {
  const unit = t.level === "data" ? 1 : W ** t.level;
  const available = Math.floor(log.size / unit) - t.n * W;
  if (t.width > available || (t.width < W && log.knobs.noPartials)) return null;
  const first = t.n * W;
  const parts: Buffer[] = [];
  for (let i = first; i < first + t.width; i++) {
    parts.push(t.level === "data" ? log.entry(i).tileLeaf : levels.hash(t.level, i));
  }
  return Buffer.concat(parts);
}

export async function startFakeStaticLog(): Promise<FakeStaticLog> {
  const log = new FakeLogState();
  const levels = new HashLevels(log.entries);
  const issuers = new Map<string, Buffer>();
  let origin = "";
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    log.requests.push(path);
    if (log.failNext(res)) return;
    if (path === "/checkpoint") {
      const th = { origin, treeSize: log.size, timestamp: log.timestamp, rootHash: log.root };
      const grease = `\u2014 grease.invalid ${Buffer.alloc(40, 7).toString("base64")}`;
      res
        .writeHead(200, { "content-type": "text/plain" })
        .end(signCheckpoint(th, log.signingKey(), [grease]));
      return;
    }
    const issuer = /^\/issuer\/([0-9a-f]{64})$/.exec(path);
    if (issuer) {
      const der = issuers.get(issuer[1]!);
      res.writeHead(der ? 200 : 404, { "content-type": "application/pkix-cert" }).end(der ?? "");
      return;
    }
    const t = parseTile(path);
    const body = t ? tileBody(log, levels, t) : null;
    if (!body) return void res.writeHead(404).end("not found");
    if (log.knobs.gzip) res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(body, { level: 1 }));
    else res.writeHead(200).end(body);
  });
  const started = await listen(server);
  origin = `127.0.0.1:${started.port}/log`;
  return {
    monitoringUrl: `http://127.0.0.1:${started.port}`,
    origin,
    log,
    issuers,
    close: started.close,
  };
}

export function addIssuer(fake: FakeStaticLog, der: Buffer): string {
  const hex = createHash("sha256").update(der).digest("hex");
  fake.issuers.set(hex, der);
  return hex;
}
