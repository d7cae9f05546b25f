import { z } from "zod";
import { CertwatchError } from "@/lib/errors";
import { rootMismatch } from "../client/errors";
import type { LogClient, VerifiedHead } from "../client/types";
import { CompactTree, type CompactTreeState } from "../compact-tree";

/** What the tailer keeps per log (JSON-serialisable): everything at or below `position` is verified. */
export interface TailState {
  /** Entries downloaded, hashed and checked against a signed root. */
  position: number;
  tree: CompactTreeState;
  verifiedHead: { treeSize: number; rootHash: string; timestamp: number } | null;
}

const StateJson = z.object({
  position: z.number().int().nonnegative(),
  tree: z.object({ size: z.number().int().nonnegative(), nodes: z.array(z.string()).max(64) }),
  verifiedHead: z
    .object({ treeSize: z.number().int().nonnegative(), rootHash: z.string(), timestamp: z.number() })
    .nullable(),
});

export function parseTailState(json: unknown): TailState {
  const parsed = StateJson.safeParse(json);
  if (!parsed.success || parsed.data.tree.size !== parsed.data.position) {
    throw new CertwatchError(
      "CT_TREE_STATE_INVALID",
      "Stored CT log state is not valid",
      "Reset the log's state; it restarts at the log's end.",
    );
  }
  CompactTree.fromJSON(parsed.data.tree);
  return parsed.data;
}

export function headJson(h: VerifiedHead): NonNullable<TailState["verifiedHead"]> {
  return { treeSize: h.treeSize, rootHash: h.rootHash.toString("base64"), timestamp: h.timestamp };
}

/** A log read from its first entry. */
export function emptyTailState(): TailState {
  return { position: 0, tree: new CompactTree().toJSON(), verifiedHead: null };
}

/**
 * Where a log should start: at `from` (0 = backfill everything) or, by default, at its current end.
 * Starting at the end verifies the rebuilt tree against the signed root before trusting it.
 */
export async function initialTailState(
  client: LogClient,
  opts: { from?: number; signal?: AbortSignal } = {},
): Promise<TailState> {
  if (opts.from === 0) return emptyTailState();
  const head = await client.getHead(opts.signal);
  const size = Math.min(opts.from ?? head.treeSize, head.treeSize);
  const tree = await client.compactTreeAt(size, head, opts.signal);
  if (size === head.treeSize) {
    if (!tree.root().equals(head.rootHash)) {
      throw rootMismatch(`The log's proofs for size ${size} do not hash to its signed root`);
    }
    return { position: size, tree: tree.toJSON(), verifiedHead: headJson(head) };
  }
  // Not verifiable yet: the first pass's root comparison covers these subtree roots.
  return { position: size, tree: tree.toJSON(), verifiedHead: null };
}
