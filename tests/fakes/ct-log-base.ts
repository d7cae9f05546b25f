// State and knobs shared by the fake RFC 6962 and static-ct-api logs.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type http from "node:http";
import { CompactTree } from "@/lib/ct";
import { type FakeEntry, tampered } from "./ct-log-entries";

export interface FakeFailure {
  status: number;
  retryAfter?: string;
}

export interface FakeLogKnobs {
  /** Sign tree heads with a key the client does not know. */
  badSignature: boolean;
  /** Serve this entry with one byte flipped (the signed root stays honest). */
  tamperIndex: number | null;
  /** RFC 6962: at most this many entries per get-entries (short reads). */
  maxEntries: number;
  /** Served for the next requests, one each, before normal answers resume. */
  failures: FakeFailure[];
  /** static: serve tiles with Content-Encoding: gzip. */
  gzip: boolean;
  /** static: answer 404 for partial tiles (`.p/W`). */
  noPartials: boolean;
}

export function ecKeyPair(): { privateKey: KeyObject; publicKey: KeyObject; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey, publicKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

export class FakeLogState {
  readonly entries: FakeEntry[] = [];
  readonly key = ecKeyPair();
  readonly wrongKey = ecKeyPair();
  readonly requests: string[] = [];
  knobs: FakeLogKnobs = {
    badSignature: false,
    tamperIndex: null,
    maxEntries: 1_000,
    failures: [],
    gzip: false,
    noPartials: false,
  };
  /** The published (signed) size and root. */
  size = 0;
  root: Buffer = new CompactTree().root();
  timestamp = Date.now();
  private readonly tree = new CompactTree();

  add(...entries: FakeEntry[]): void {
    this.entries.push(...entries);
  }

  /** Publish a new signed head covering the first `size` entries (default all). */
  publish(size = this.entries.length): void {
    if (size < this.tree.size) throw new Error("the fake log only grows");
    for (let i = this.tree.size; i < size; i++) this.tree.append(this.entries[i]!.leafHash);
    this.size = size;
    this.root = this.tree.root();
    this.timestamp = Math.max(this.timestamp + 1, Date.now());
  }

  signingKey(): KeyObject {
    return this.knobs.badSignature ? this.wrongKey.privateKey : this.key.privateKey;
  }

  entry(i: number): FakeEntry {
    const e = this.entries[i]!;
    return this.knobs.tamperIndex === i ? tampered(e) : e;
  }

  /** Answers the next queued failure, if any; true when it did. */
  failNext(res: http.ServerResponse): boolean {
    const f = this.knobs.failures.shift();
    if (!f) return false;
    res.writeHead(f.status, f.retryAfter ? { "retry-after": f.retryAfter } : {}).end("try later");
    return true;
  }
}
