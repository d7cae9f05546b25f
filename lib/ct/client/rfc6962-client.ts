import { z } from "zod";
import { CertwatchError } from "@/lib/errors";
import { CompactTree } from "../compact-tree";
import { leafHash } from "../merkle";
import type { PublicKeyInput } from "../signatures";
import { parseGetSth, verifySth } from "../sth";
import { asHeadError, CT_ERROR } from "./errors";
import { ctGet, joinUrl } from "./http";
import type { EntryBatch, HttpTuning, LogClient, Rfc6962Item, VerifiedHead } from "./types";

export interface Rfc6962ClientOptions extends HttpTuning {
  /** The log's base URL, e.g. https://ct.googleapis.com/logs/us1/argon2026h1/ */
  url: string;
  publicKey: PublicKeyInput;
  /** Entries asked for per get-entries request (logs may return fewer). Default 1,000. */
  batchSize?: number;
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const EntriesJson = z.object({
  entries: z.array(z.object({ leaf_input: b64, extra_data: b64 })).max(100_000),
});
const ConsistencyJson = z.object({ consistency: z.array(b64).max(128) });
const ProofJson = z.object({
  leaf_index: z.number().int().nonnegative(),
  audit_path: z.array(b64).max(64),
});

function malformed(message: string): CertwatchError {
  return new CertwatchError(CT_ERROR.malformed, message, "The log served a response that breaks RFC 6962.");
}

export function createRfc6962Client(opts: Rfc6962ClientOptions): LogClient {
  const batchSize = opts.batchSize ?? 1000;
  const api = (path: string) => joinUrl(opts.url, `ct/v1/${path}`);

  async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    const res = await ctGet(api(path), { ...opts, signal, accept: "application/json" });
    if (res.status !== 200) {
      throw new CertwatchError(CT_ERROR.unavailable, `${api(path)} answered 404`, "Check the log URL.");
    }
    try {
      return JSON.parse(res.body.toString("utf8"));
    } catch {
      throw malformed(`${api(path.split("?")[0]!)} did not return JSON`);
    }
  }

  async function fetchRange(start: number, last: number, signal?: AbortSignal): Promise<Rfc6962Item[]> {
    const parsed = EntriesJson.safeParse(await getJson(`get-entries?start=${start}&end=${last}`, signal));
    if (!parsed.success) throw malformed(`get-entries ${start}-${last}: unexpected JSON shape`);
    if (parsed.data.entries.length === 0) throw malformed(`get-entries ${start}-${last} returned no entries`);
    return parsed.data.entries.slice(0, last - start + 1).map((e) => ({
      leafInput: Buffer.from(e.leaf_input, "base64"),
      extraData: Buffer.from(e.extra_data, "base64"),
    }));
  }

  return {
    kind: "rfc6962",

    async getHead(signal) {
      try {
        const sth = verifySth(parseGetSth(await getJson("get-sth", signal)), opts.publicKey);
        return { treeSize: sth.treeSize, rootHash: Buffer.from(sth.rootHash), timestamp: sth.timestamp };
      } catch (err) {
        throw asHeadError(err, opts.url);
      }
    },

    // Short reads are normal: ask again for the rest until the range is complete.
    async *getEntries(start, end, signal): AsyncIterable<EntryBatch> {
      for (let pos = start; pos < end; ) {
        const last = Math.min(end, pos + batchSize) - 1;
        const entries = await fetchRange(pos, last, signal);
        yield { kind: "rfc6962", start: pos, count: entries.length, entries };
        pos += entries.length;
      }
    },

    async consistencyProof(first: number, head: VerifiedHead, signal?: AbortSignal) {
      if (first === 0 || first === head.treeSize) return [];
      const json = await getJson(`get-sth-consistency?first=${first}&second=${head.treeSize}`, signal);
      const parsed = ConsistencyJson.safeParse(json);
      if (!parsed.success)
        throw malformed(`get-sth-consistency ${first}→${head.treeSize}: unexpected JSON shape`);
      return parsed.data.consistency.map((p) => Buffer.from(p, "base64"));
    },

    // The audit path of the last leaf holds exactly the collapsed tree's subtree roots.
    async compactTreeAt(size: number, _head: VerifiedHead, signal?: AbortSignal) {
      if (size === 0) return new CompactTree();
      const [last] = await fetchRange(size - 1, size - 1, signal);
      const hash = leafHash(last!.leafInput);
      const q = `get-proof-by-hash?hash=${encodeURIComponent(hash.toString("base64"))}&tree_size=${size}`;
      const proof = ProofJson.safeParse(await getJson(q, signal));
      if (!proof.success || proof.data.leaf_index !== size - 1) {
        throw malformed(`get-proof-by-hash for entry ${size - 1} is not the proof of that entry`);
      }
      const nodes = proof.data.audit_path.map((p) => Buffer.from(p, "base64")).reverse();
      try {
        const tree = new CompactTree(size - 1, nodes);
        tree.append(hash);
        return tree;
      } catch {
        throw malformed(`the audit path for entry ${size - 1} has the wrong shape`);
      }
    },
  };
}
