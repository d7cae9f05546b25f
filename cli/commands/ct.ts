import fs from "node:fs";
import { parseArgs } from "node:util";
import { toPublicKey, Watchlist } from "@/lib/ct";
import { createRfc6962Client, createStaticClient, isMisbehaviour, type LogClient } from "@/lib/ct/client";
import { initialTailState, type KeyedSighting, tailLog } from "@/lib/ct/tail";
import { isCertwatchError } from "@/lib/errors";
import { EXIT, UsageError } from "../exit-codes";

export const CT_USAGE = `ct tail --log-url URL --log-key PEM --type rfc6962|static --watch ITEM... [--from N] [--once] [--json]
        [--origin ORIGIN] [--interval SECONDS]
  Tail one CT log, verifying every tree head signature and Merkle root, and print matching issuances:
  one line (JSON with --json) per TBS, with all its entries (precert true = no final certificate seen).
  --log-key   a PEM file, or the key itself: base64 SPKI as in log lists, or --log-key="$(cat key.pem)"
  --watch     example.com (that name), .example.com (and subdomains), repeatable
  --from N    start at entry N (default: the log's current end)   --once  stop at the verified size
  Exit: 0 done, 2 verification failed or the log is unreachable, 64 usage error.`;

interface CtTailArgs {
  client: LogClient;
  watchlist: Watchlist;
  from: number | undefined;
  once: boolean;
  json: boolean;
  intervalMs: number;
}

function readKey(value: string) {
  const text = fs.existsSync(value) ? fs.readFileSync(value, "utf8") : value;
  try {
    return toPublicKey(text.trim());
  } catch {
    throw new UsageError("--log-key must be a PEM file, a PEM public key or a base64 SubjectPublicKeyInfo");
  }
}

function parseCtTail(argv: string[]): CtTailArgs {
  let v: ReturnType<typeof parse>["values"];
  try {
    v = parse(argv).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!v["log-url"] || !v["log-key"]) throw new UsageError("--log-url and --log-key are required");
  if (v.type !== "rfc6962" && v.type !== "static") throw new UsageError("--type is rfc6962 or static");
  if (!v.watch?.length) throw new UsageError("give at least one --watch ITEM");
  let watchlist: Watchlist;
  try {
    watchlist = new Watchlist(v.watch);
  } catch (e) {
    throw new UsageError(isCertwatchError(e) ? e.message : String(e));
  }
  const from = v.from === undefined ? undefined : Number(v.from);
  if (from !== undefined && (!Number.isSafeInteger(from) || from < 0))
    throw new UsageError("--from takes an entry index ≥ 0");
  const interval = Number(v.interval ?? 30);
  if (!(interval >= 1 && interval <= 3600)) throw new UsageError("--interval is 1–3600 seconds");
  const publicKey = readKey(v["log-key"]);
  const url = v["log-url"];
  const client =
    v.type === "rfc6962"
      ? createRfc6962Client({ url, publicKey })
      : createStaticClient({ monitoringUrl: url, publicKey, origin: v.origin });
  return {
    client,
    watchlist,
    from,
    once: v.once ?? false,
    json: v.json ?? false,
    intervalMs: interval * 1000,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    options: {
      "log-url": { type: "string" },
      "log-key": { type: "string" },
      type: { type: "string" },
      watch: { type: "string", multiple: true },
      from: { type: "string" },
      origin: { type: "string" },
      interval: { type: "string" },
      once: { type: "boolean" },
      json: { type: "boolean" },
    },
  });
}

/** One output object per TBS: a precert and its certificate become one line with two entries. */
export function groupSightings(sightings: KeyedSighting[]) {
  const byTbs = new Map<string, KeyedSighting[]>();
  for (const s of sightings) {
    const k = s.tbsSha256.toString("hex");
    byTbs.set(k, [...(byTbs.get(k) ?? []), s]);
  }
  return [...byTbs.entries()].map(([tbs, group]) => {
    const cert = group.find((s) => !s.precert);
    const first = cert ?? group[0]!;
    return {
      tbsSha256: tbs,
      certSha256: cert?.certSha256?.toString("hex") ?? null,
      precert: !cert,
      entries: group.map((s) => ({ index: s.index, type: s.precert ? "precert" : "x509" })),
      dnsNames: [...new Set(group.flatMap((s) => s.dnsNames))],
      commonNames: first.commonNames,
      issuer: first.issuer,
      notBefore: first.notBefore?.toISOString() ?? null,
      notAfter: first.notAfter?.toISOString() ?? null,
      watchItem: first.watchItem.pattern,
    };
  });
}

export async function runCt(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "tail")
    throw new UsageError(sub ? `unknown ct subcommand "${sub}"` : "give a subcommand: tail");
  const a = parseCtTail(rest);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  try {
    const state = await initialTailState(a.client, { from: a.from, signal: stop.signal });
    await tailLog({
      client: a.client,
      state,
      watchlist: a.watchlist,
      follow: !a.once,
      pollMs: a.intervalMs,
      signal: stop.signal,
      onSightings: (sightings) => {
        for (const s of groupSightings(sightings)) {
          const line = a.json
            ? JSON.stringify(s)
            : `${s.entries.map((e) => `#${e.index} ${e.type}`).join(", ")}  ${s.dnsNames.join(" ")}  (${s.issuer}; ${s.notBefore} → ${s.notAfter})`;
          process.stdout.write(`${line}\n`);
        }
      },
    });
    return EXIT.ok;
  } catch (e) {
    if (!isMisbehaviour(e) || !isCertwatchError(e)) throw e;
    console.error(
      `certwatch ct: verification failed (${e.code}): ${e.message}${e.hint ? `\nhint: ${e.hint}` : ""}`,
    );
    return EXIT.incomplete;
  } finally {
    process.off("SIGINT", onSignal);
  }
}
