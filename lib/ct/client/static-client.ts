import { createHash } from "node:crypto";
import { CertwatchError } from "@/lib/errors";
import { verifyCheckpoint } from "../checkpoint";
import type { CompactTree } from "../compact-tree";
import type { PublicKeyInput } from "../signatures";
import { asHeadError, CT_ERROR } from "./errors";
import { ctGet, joinUrl } from "./http";
import { compactTreeFromHashTiles, consistencyProofFromHashTiles } from "./static-hash-tiles";
import { sliceDataTile, TILE_WIDTH, tilePath } from "./tile-path";
import type { EntryBatch, HttpTuning, LogClient, VerifiedHead } from "./types";

export interface StaticClientOptions extends HttpTuning {
  monitoringUrl: string;
  publicKey: PublicKeyInput;
  /** The checkpoint origin (submission URL without scheme or trailing slash); unchecked when omitted. */
  origin?: string;
  /** Tiles downloaded at once. Default 4. */
  parallelTiles?: number;
}

interface TileJob {
  n: number;
  skip: number;
  take: number;
  width: number;
}

function tileJobs(start: number, end: number): TileJob[] {
  const jobs: TileJob[] = [];
  for (let n = Math.floor(start / TILE_WIDTH); n * TILE_WIDTH < end; n++) {
    const base = n * TILE_WIDTH;
    const width = Math.min(end, base + TILE_WIDTH) - base;
    const skip = Math.max(0, start - base);
    jobs.push({ n, skip, take: width - skip, width });
  }
  return jobs;
}

/** The origin a log's checkpoints carry: its submission URL without scheme or trailing slash. */
export function originOf(submissionUrl: string): string {
  return submissionUrl.replace(/^https?:\/\//, "").replace(/\/+$/, "");
}

export function createStaticClient(opts: StaticClientOptions): LogClient {
  const parallel = Math.max(1, opts.parallelTiles ?? 4);
  const issuers = new Map<string, Buffer>();
  const url = (p: string) => joinUrl(opts.monitoringUrl, p);

  async function fetchTile(path: string, signal?: AbortSignal): Promise<Buffer | null> {
    const res = await ctGet(url(path), { ...opts, signal, sniffGzip: true });
    return res.status === 200 ? res.body : null;
  }

  // A partial tile may already be gone once the tile filled up: fall back to the full tile's prefix.
  async function fetchSized(level: number | "data", n: number, width: number, signal?: AbortSignal) {
    const exact = await fetchTile(tilePath(level, n, width), signal);
    if (exact) return { bytes: exact, width };
    if (width < TILE_WIDTH) {
      const full = await fetchTile(tilePath(level, n), signal);
      if (full) return { bytes: full, width: TILE_WIDTH };
    }
    throw new CertwatchError(
      CT_ERROR.unavailable,
      `${url(tilePath(level, n, width))} is missing (404)`,
      "The log has not published this tile; retry later.",
    );
  }

  async function loadJob(j: TileJob, signal?: AbortSignal): Promise<EntryBatch> {
    const { bytes, width } = await fetchSized("data", j.n, j.width, signal);
    const aligned = j.skip === 0 && j.take === width;
    const tile = aligned ? bytes : sliceDataTile(bytes, j.skip, j.take);
    return { kind: "tile", start: j.n * TILE_WIDTH + j.skip, count: j.take, bytes: tile };
  }

  return {
    kind: "static",

    async getHead(signal) {
      try {
        const res = await ctGet(url("checkpoint"), { ...opts, signal });
        if (res.status !== 200) throw new CertwatchError(CT_ERROR.unavailable, `${url("checkpoint")}: 404`);
        const cp = verifyCheckpoint(res.body.toString("utf8"), {
          publicKey: opts.publicKey,
          origin: opts.origin,
        });
        return { treeSize: cp.treeSize, rootHash: Buffer.from(cp.rootHash), timestamp: cp.timestamp };
      } catch (err) {
        throw asHeadError(err, opts.monitoringUrl);
      }
    },

    // Downloads run `parallel` tiles ahead; batches still come out in log order.
    async *getEntries(start, end, signal): AsyncIterable<EntryBatch> {
      const jobs = tileJobs(start, end);
      const inflight: Promise<EntryBatch>[] = [];
      let next = 0;
      const fill = () => {
        while (inflight.length < parallel && next < jobs.length) {
          const p = loadJob(jobs[next++]!, signal);
          p.catch(() => {}); // awaited in order below; avoid unhandled rejections meanwhile
          inflight.push(p);
        }
      };
      fill();
      while (inflight.length > 0) {
        const batch = await inflight.shift()!;
        fill();
        yield batch;
      }
    },

    compactTreeAt(size: number, head: VerifiedHead, signal?: AbortSignal): Promise<CompactTree> {
      return compactTreeFromHashTiles(size, head.treeSize, (level, n, width) =>
        fetchSized(level, n, width, signal).then((t) => t.bytes),
      );
    },

    consistencyProof(first: number, head: VerifiedHead, signal?: AbortSignal): Promise<Buffer[]> {
      return consistencyProofFromHashTiles(first, head.treeSize, (level, n, width) =>
        fetchSized(level, n, width, signal).then((t) => t.bytes),
      );
    },

    async getIssuer(sha256Hex, signal) {
      const hex = sha256Hex.toLowerCase();
      const cached = issuers.get(hex);
      if (cached) return cached;
      const res = await ctGet(url(`issuer/${hex}`), { ...opts, signal, retries: 6 });
      const der = res.body;
      if (res.status !== 200 || createHash("sha256").update(der).digest("hex") !== hex) {
        throw new CertwatchError(
          CT_ERROR.malformed,
          `Issuer ${hex.slice(0, 16)}… is missing or does not match its hash`,
        );
      }
      issuers.set(hex, der);
      return der;
    },
  };
}
