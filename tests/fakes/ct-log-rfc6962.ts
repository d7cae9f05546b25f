// A real-protocol RFC 6962 log on 127.0.0.1: get-sth, get-entries (short reads), get-proof-by-hash,
// get-sth-consistency.
import http from "node:http";
import { consistencyProof, inclusionProof, signSth } from "@/lib/ct";
import { FakeLogState } from "./ct-log-base";
import { listen } from "./tls-server";

export interface FakeRfc6962Log {
  /** Base URL of the log (…/ct/v1/ is appended by clients). */
  url: string;
  log: FakeLogState;
  close(): Promise<void>;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function getEntries(log: FakeLogState, q: URLSearchParams, res: http.ServerResponse) {
  const start = Number(q.get("start"));
  const end = Number(q.get("end"));
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || start >= log.size) {
    return json(res, 400, { error: "bad range" });
  }
  const last = Math.min(end, log.size - 1, start + log.knobs.maxEntries - 1);
  const entries = [];
  for (let i = start; i <= last; i++) {
    const e = log.entry(i);
    entries.push({ leaf_input: e.leafInput.toString("base64"), extra_data: e.extraData.toString("base64") });
  }
  json(res, 200, { entries });
}

function proofByHash(log: FakeLogState, q: URLSearchParams, res: http.ServerResponse) {
  const hash = Buffer.from(q.get("hash") ?? "", "base64");
  const size = Number(q.get("tree_size"));
  const hashes = log.entries.slice(0, size).map((e) => e.leafHash);
  const index = hashes.findIndex((h) => h.equals(hash));
  if (index < 0 || size > log.size) return json(res, 404, { error: "not found" });
  json(res, 200, {
    leaf_index: index,
    audit_path: inclusionProof(index, hashes).map((h) => h.toString("base64")),
  });
}

function sthConsistency(log: FakeLogState, q: URLSearchParams, res: http.ServerResponse) {
  const first = Number(q.get("first"));
  const second = Number(q.get("second"));
  if (
    !Number.isInteger(first) ||
    !Number.isInteger(second) ||
    first < 0 ||
    first > second ||
    second > log.size
  ) {
    return json(res, 400, { error: "bad sizes" });
  }
  const hashes = log.entries.slice(0, second).map((e) => e.leafHash);
  json(res, 200, { consistency: consistencyProof(first, hashes).map((h) => h.toString("base64")) });
}

export async function startFakeRfc6962Log(): Promise<FakeRfc6962Log> {
  const log = new FakeLogState();
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    log.requests.push(`${u.pathname}${u.search}`);
    if (log.failNext(res)) return;
    if (u.pathname === "/log/ct/v1/get-sth") {
      const th = { treeSize: log.size, timestamp: log.timestamp, rootHash: log.root };
      return json(res, 200, signSth(th, log.signingKey()));
    }
    if (u.pathname === "/log/ct/v1/get-entries") return getEntries(log, u.searchParams, res);
    if (u.pathname === "/log/ct/v1/get-sth-consistency") return sthConsistency(log, u.searchParams, res);
    if (u.pathname === "/log/ct/v1/get-proof-by-hash") return proofByHash(log, u.searchParams, res);
    json(res, 404, { error: "no such endpoint" });
  });
  const started = await listen(server);
  return { url: `http://127.0.0.1:${started.port}/log/`, log, close: started.close };
}
