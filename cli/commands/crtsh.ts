import { parseArgs } from "node:util";
import { Watchlist } from "@/lib/ct";
import { CrtshClient, type CrtshRecord } from "@/lib/ct/crtsh";
import { isCertwatchError } from "@/lib/errors";
import { config } from "@/server/env";
import { EXIT, UsageError } from "../exit-codes";

export const CRTSH_USAGE = `crtsh DOMAIN [--json] [--exclude-expired] [--base-url URL]
  Certificates crt.sh knows for DOMAIN and its subdomains, post-filtered, one per issuance
  (precert and certificate merged). Warns on stderr when crt.sh truncated the answer at 10,000 rows.
  --base-url   default $CERTWATCH_CRTSH_URL or https://crt.sh
  Exit: 0 done, 2 crt.sh failed, 64 usage error.`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        "exclude-expired": { type: "boolean" },
        "base-url": { type: "string" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function crtshJson(r: CrtshRecord) {
  return {
    crtshIds: r.crtshIds,
    serial: r.serial,
    issuer: r.issuer,
    commonName: r.commonName,
    names: r.names,
    notBefore: r.notBefore?.toISOString() ?? null,
    notAfter: r.notAfter?.toISOString() ?? null,
    entryTimestamp: r.entryTimestamp?.toISOString() ?? null,
    watchItem: r.watchItem.pattern,
  };
}

export async function runCrtsh(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (positionals.length !== 1) throw new UsageError("give exactly one DOMAIN");
  const domain = positionals[0]!.replace(/^\.+/, "").toLowerCase();
  let watchlist: Watchlist;
  try {
    watchlist = new Watchlist([`.${domain}`]);
  } catch (e) {
    throw new UsageError(isCertwatchError(e) ? e.message : String(e));
  }
  const baseUrl = values["base-url"] ?? config().CERTWATCH_CRTSH_URL;
  const client = new CrtshClient({ baseUrl, minIntervalMs: 0 });
  const r = await client.search(domain, watchlist, { excludeExpired: values["exclude-expired"] ?? false });
  if (r.truncated) console.error(`certwatch crtsh: warning: ${r.advice}`);
  for (const rec of r.records) {
    const j = crtshJson(rec);
    const line = values.json
      ? JSON.stringify(j)
      : `crt.sh ${j.crtshIds.join(",")}  ${j.names.join(" ")}  (${j.issuer}; ${j.notBefore} → ${j.notAfter})`;
    process.stdout.write(`${line}\n`);
  }
  return EXIT.ok;
}
