// A real-protocol static-ct-api log on 127.0.0.1: checkpoint, data and hash tiles (full, partial,
// optionally gzip) and issuers by hash.
import { createHash } from "node:crypto";
import http from "node:http";
import { gzipSync } from "node:zlib";
import { merkleTreeHash, signCheckpoint } from "@/lib/ct";
import { tileIndexPath } from "@/lib/ct/client";
import { FakeLogState } from "./ct-log-base";
import type { FakeEntry } from "./ct-log-entries";
import { listen } from "./tls-server";

export interface FakeStaticLog {
  monitoringUrl: string;
  /** Checkpoint origin (what a submission URL would give). */
  origin: string;
  log: FakeLogState;
  issuers: Map<string, Buffer>;
  /** Pre-builds (and gzips, with the gzip knob) every full data tile, so serving costs little. */
  warm(): void;
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
  // Full tiles are immutable: cache their encoded bodies (not while tampering).
  const cache = new Map<string, Buffer>();
  const encoded = (path: string, t: NonNullable<ReturnType<typeof parseTile>>): Buffer | null => {
    const cacheable = t.width === W && log.knobs.tamperIndex === null;
    const key = `${log.knobs.gzip}:${path}`;
    const hit = cacheable ? cache.get(key) : undefined;
    if (hit) return hit;
    const body = tileBody(log, levels, t);
    if (!body) return null;
    const out = log.knobs.gzip ? gzipSync(body, { level: 1 }) : body;
    if (cacheable) cache.set(key, out);
    return out;
  };
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
    const body = t ? encoded(path, t) : null;
    if (!body) return void res.writeHead(404).end("not found");
    res.writeHead(200, log.knobs.gzip ? { "content-encoding": "gzip" } : {}).end(body);
  });
  const started = await listen(server);
  origin = `127.0.0.1:${started.port}/log`;
  return {
    monitoringUrl: `http://127.0.0.1:${started.port}`,
    origin,
    log,
    issuers,
    warm() {
      for (let n = 0; (n + 1) * W <= log.size; n++) {
        const path = `/tile/data/${tileIndexPath(n)}`;
        encoded(path, parseTile(path)!);
      }
    },
    close: started.close,
  };
}

export function addIssuer(fake: FakeStaticLog, der: Buffer): string {
  const hex = createHash("sha256").update(der).digest("hex");
  fake.issuers.set(hex, der);
  return hex;
}
