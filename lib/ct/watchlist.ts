import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import { CertwatchError } from "@/lib/errors";
import { UNPARSABLE } from "./der-names";
import type { Identifiers } from "./identifiers";

/** One watched domain: `.example.com` (name and subdomains), `example.com` (exactly) or `.` (everything). */
export interface WatchItem {
  /** The item as given (e.g. ".bücher.example"). */
  pattern: string;
  /** ASCII domain without the leading dot; "" for ".". */
  domain: string;
  acceptSuffix: boolean;
  /** Caller's reference (e.g. a database id). */
  id: string | number | null;
  labelCount: number;
}

export type WatchInput = string | { pattern: string; id?: string | number | null };

function invalid(pattern: string, why: string): CertwatchError {
  return new CertwatchError(
    "CT_WATCH_ITEM_INVALID",
    `Watch item "${pattern}" is invalid: ${why}`,
    'Use "example.com" for one name, ".example.com" for a domain and its subdomains, or "." for everything.',
  );
}

export function parseWatchItem(input: WatchInput): WatchItem {
  const { pattern, id = null } = typeof input === "string" ? { pattern: input } : input;
  const text = pattern.trim();
  if (text === ".") return { pattern, domain: "", acceptSuffix: true, id, labelCount: 0 };
  if (text === "" || /\s/.test(text)) throw invalid(pattern, "it must be a single domain name");
  const acceptSuffix = text.startsWith(".");
  const bare = text.slice(acceptSuffix ? 1 : 0).replace(/\.+$/, "");
  if (isIP(bare)) throw invalid(pattern, "IP address watch items are not supported");
  if (/[*?]/.test(bare))
    throw invalid(pattern, 'wildcards are implied: ".example.com" covers every subdomain');
  const domain = domainToASCII(bare.toLowerCase());
  if (domain === "" || domain.split(".").some((l) => l === ""))
    throw invalid(pattern, "not a valid domain name");
  return { pattern, domain, acceptSuffix, id, labelCount: domain.split(".").length };
}

class TrieNode {
  children = new Map<string, TrieNode>();
  exact: WatchItem | null = null;
  suffix: WatchItem | null = null;
}

/** certspotter MatchesWildcard, as a linear-time glob (only `*`, which never spans a dot). */
export function labelMatchesWildcard(watchLabel: string, pattern: string): boolean {
  let w = 0;
  let p = 0;
  let star = -1;
  let mark = 0;
  while (w < watchLabel.length) {
    if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = w;
    } else if (p < pattern.length && pattern[p] === watchLabel[w]) {
      p++;
      w++;
    } else if (star >= 0 && watchLabel[mark] !== ".") {
      p = star + 1;
      w = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

/** Redacted (`?`), wildcard and unparsable certificate labels may stand for any watched label. */
function isFuzzyLabel(label: string): boolean {
  return label === "?" || label === UNPARSABLE || label.includes("*");
}

function labelMatches(certLabel: string, watchLabel: string): boolean {
  return certLabel === "?" || certLabel === UNPARSABLE || labelMatchesWildcard(watchLabel, certLabel);
}

function better(a: WatchItem | null, b: WatchItem | null): WatchItem | null {
  if (!a) return b;
  if (!b) return a;
  return b.labelCount > a.labelCount ? b : a;
}

/**
 * Watch items indexed in a trie of labels, read from the right, so matching a name costs one map
 * lookup per label whatever the list size. Certificate labels `*`, `?` and "<unparsable>" fan out.
 */
export class Watchlist {
  private readonly root = new TrieNode();
  readonly items: WatchItem[] = [];

  constructor(inputs: Iterable<WatchInput> = []) {
    for (const input of inputs) this.add(input);
  }

  add(input: WatchInput): WatchItem {
    const item = parseWatchItem(input);
    let node = this.root;
    for (const label of item.domain === "" ? [] : item.domain.split(".").reverse()) {
      let next = node.children.get(label);
      if (!next) {
        next = new TrieNode();
        node.children.set(label, next);
      }
      node = next;
    }
    if (item.acceptSuffix) node.suffix ??= item;
    else node.exact ??= item;
    this.items.push(item);
    return item;
  }

  get size(): number {
    return this.items.length;
  }

  /** The most specific item matching one normalised DNS name, or null. */
  matchName(name: string): WatchItem | null {
    if (name === UNPARSABLE) return this.items[0] ?? null;
    return this.walk(this.root, name, name.length);
  }

  /** `end` is where the unread part of `name` stops; -1 once every label has been read. */
  private walk(node: TrieNode, name: string, end: number): WatchItem | null {
    if (end < 0) return node.exact ?? node.suffix;
    const dot = end === 0 ? -1 : name.lastIndexOf(".", end - 1);
    const label = name.slice(dot + 1, end);
    let best: WatchItem | null = null;
    if (!isFuzzyLabel(label)) {
      const child = node.children.get(label);
      if (child) best = this.walk(child, name, dot);
    } else {
      for (const [key, child] of node.children) {
        if (labelMatches(label, key)) best = better(best, this.walk(child, name, dot));
      }
    }
    return best ?? node.suffix;
  }

  /** The most specific item matching any identifier; IPs only match "." (IP watch items are unsupported). */
  match(ids: Identifiers): WatchItem | null {
    let best: WatchItem | null = null;
    for (const name of ids.dnsNames) best = better(best, this.matchName(name));
    return best ?? this.root.suffix;
  }
}

export function matchEntry(watchlist: Watchlist, ids: Identifiers): WatchItem | null {
  return watchlist.match(ids);
}
