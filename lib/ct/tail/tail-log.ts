import { CertwatchError } from "@/lib/errors";
import { CT_ERROR, rootMismatch } from "../client/errors";
import { sleep } from "../client/http";
import type { EntryBatch, LogClient, VerifiedHead } from "../client/types";
import { CompactTree } from "../compact-tree";
import type { MalformedEntry } from "../entry-examine";
import { processRfc6962Entries, processTile } from "../entry-pipeline";
import { verifyConsistency } from "../merkle-verify";
import type { Watchlist } from "../watchlist";
import { type KeyedSighting, withSpki } from "./entry-spki";
import { headJson, type TailState } from "./state";

export interface PassInfo {
  head: VerifiedHead;
  from: number;
  malformed: MalformedEntry[];
}

export interface TailOptions {
  client: LogClient;
  state: TailState;
  watchlist: Watchlist;
  /** Called once per verified pass, before the state advances (so a crash re-delivers, never loses). */
  onSightings: (sightings: KeyedSighting[], info: PassInfo) => Promise<void> | void;
  /** Persist the new state; called after onSightings. */
  onState?: (state: TailState) => Promise<void> | void;
  onProgress?: (downloaded: number, target: number) => void;
  /** Keep polling for new heads; otherwise one pass to the head seen now (`--once`). */
  follow?: boolean;
  /** With follow: stop once the verified position reaches this size. */
  until?: number;
  pollMs?: number;
  /**
   * Bound one pass to this many entries; a pass that stops short of the signed size is verified with a
   * consistency proof to that head (keeps worker jobs short while catching up).
   */
  maxEntriesPerPass?: number;
  signal?: AbortSignal;
}

export interface TailResult {
  state: TailState;
  /** The last signed size seen: `headSize - state.position` entries are still to read. */
  headSize: number;
  passes: number;
  entries: number;
  sightings: number;
}

function checkHead(head: VerifiedHead, state: TailState): void {
  const v = state.verifiedHead;
  if (head.treeSize < state.position) {
    throw rootMismatch(`The log's signed size ${head.treeSize} is below the verified ${state.position}`);
  }
  if (v && head.treeSize === v.treeSize && head.rootHash.toString("base64") !== v.rootHash) {
    throw rootMismatch(`The log signed two different roots for size ${v.treeSize}`);
  }
}

function processBatch(b: EntryBatch, watchlist: Watchlist) {
  return b.kind === "tile"
    ? processTile(b.bytes, b.start, watchlist, b.count)
    : processRfc6962Entries(b.entries, b.start, watchlist);
}

/** Where a pass stops: the head, or earlier (on a tile boundary when it can) when passes are bounded. */
function passTarget(o: TailOptions, state: TailState, head: VerifiedHead): number {
  const max = o.maxEntriesPerPass;
  if (max === undefined || head.treeSize - state.position <= max) return head.treeSize;
  const end = state.position + max;
  const aligned = end - (end % 256);
  return aligned > state.position ? aligned : end;
}

async function verifyPass(o: TailOptions, tree: CompactTree, from: number, head: VerifiedHead) {
  const root = tree.root();
  if (tree.size === head.treeSize) {
    if (!root.equals(head.rootHash)) {
      throw rootMismatch(
        `Entries ${from}–${head.treeSize - 1} do not hash to the signed root of size ${head.treeSize}`,
      );
    }
    return;
  }
  const proof = await o.client.consistencyProof(tree.size, head, o.signal);
  const firstSize = tree.size;
  const ok = verifyConsistency({
    firstSize,
    secondSize: head.treeSize,
    firstRoot: root,
    secondRoot: head.rootHash,
    proof,
  });
  if (!ok) {
    throw rootMismatch(
      `Entries ${from}–${firstSize - 1} are not consistent with the signed tree of size ${head.treeSize}`,
    );
  }
}

/** Download → process → hash into a copy of the tree; release only when the root verifies. */
async function pass(o: TailOptions, state: TailState, head: VerifiedHead, target: number) {
  const tree = CompactTree.fromJSON(state.tree);
  const sightings: KeyedSighting[] = [];
  const malformed: MalformedEntry[] = [];
  for await (const b of o.client.getEntries(state.position, target, o.signal)) {
    if (b.start !== tree.size)
      throw new CertwatchError(CT_ERROR.malformed, `Batch at ${b.start}, expected ${tree.size}`);
    const r = processBatch(b, o.watchlist);
    if (r.count !== b.count) {
      throw new CertwatchError(
        CT_ERROR.malformed,
        `Batch at ${b.start} holds ${r.count} entries, not ${b.count}`,
      );
    }
    tree.appendPacked(r.leafHashes);
    sightings.push(...withSpki(b, r.sightings));
    malformed.push(...r.malformed);
    o.onProgress?.(tree.size, head.treeSize);
  }
  if (tree.size !== target)
    throw new CertwatchError(CT_ERROR.malformed, `Download stopped at ${tree.size}, not ${target}`);
  await verifyPass(o, tree, state.position, head);
  await o.onSightings(sightings, { head, from: state.position, malformed });
  const next: TailState = { position: target, tree: tree.toJSON(), verifiedHead: headJson(head) };
  await o.onState?.(next);
  return { next, entries: target - state.position, sightings: sightings.length };
}

/**
 * Tails one log from `state`. On a bad signature or root mismatch it throws (CT_BAD_SIGNATURE,
 * CT_ROOT_MISMATCH) with the last verified state untouched: the caller records the log as misbehaving.
 */
export async function tailLog(o: TailOptions): Promise<TailResult> {
  let state = o.state;
  const out: TailResult = { state, headSize: state.position, passes: 0, entries: 0, sightings: 0 };
  for (;;) {
    const head = await o.client.getHead(o.signal);
    checkHead(head, state);
    out.headSize = head.treeSize;
    if (head.treeSize > state.position) {
      const r = await pass(o, state, head, passTarget(o, state, head));
      state = r.next;
      out.entries += r.entries;
      out.sightings += r.sightings;
    } else if (!state.verifiedHead || state.verifiedHead.timestamp !== head.timestamp) {
      if (!CompactTree.fromJSON(state.tree).root().equals(head.rootHash)) {
        throw rootMismatch(`The stored tree of size ${state.position} does not match the log's signed root`);
      }
      state = { ...state, verifiedHead: headJson(head) };
      await o.onState?.(state);
    }
    out.passes++;
    out.state = state;
    if (!o.follow || (o.until !== undefined && state.position >= o.until) || o.signal?.aborted) return out;
    try {
      await sleep(o.pollMs ?? 60_000, o.signal);
    } catch {
      return out; // aborted while waiting for the next head
    }
  }
}
