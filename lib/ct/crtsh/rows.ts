import { z } from "zod";
import { CertwatchError } from "@/lib/errors";
import { addCommonName, newIdentifiers } from "../identifiers";
import type { WatchItem, Watchlist } from "../watchlist";

/** crt.sh truncates `output=json` at this many rows, saying so only in its HTML page. */
export const CRTSH_ROW_LIMIT = 10_000;

// row_to_json() of crt.sh's query (certwatch_db fnc/web_apis.fnc); result_count only since 2023-11-14.
const Row = z.object({
  issuer_ca_id: z.number().int().nullable().optional(),
  issuer_name: z.string().nullable().optional(),
  common_name: z.string().nullable().optional(),
  name_value: z.string().nullable().optional(),
  id: z.number().int().nonnegative(),
  entry_timestamp: z.string().nullable().optional(),
  not_before: z.string().nullable().optional(),
  not_after: z.string().nullable().optional(),
  serial_number: z.string().nullable().optional(),
  result_count: z.number().int().nonnegative().optional(),
});
export type CrtshRow = z.infer<typeof Row>;

/** One issuance as crt.sh knows it: precert and final certificate rows merged (same issuer and serial). */
export interface CrtshRecord {
  crtshIds: number[];
  serial: string;
  issuer: string;
  issuerCaId: number | null;
  commonName: string | null;
  names: string[];
  notBefore: Date | null;
  notAfter: Date | null;
  /** First log entry crt.sh saw (null when it has none). */
  entryTimestamp: Date | null;
  watchItem: WatchItem;
}

export function parseCrtshRows(body: Buffer | string): CrtshRow[] {
  let json: unknown;
  try {
    json = JSON.parse(body.toString());
  } catch {
    throw new CertwatchError(
      "CRTSH_MALFORMED",
      "crt.sh did not answer with JSON",
      "It may be overloaded; retry later.",
    );
  }
  const parsed = z.array(Row).safeParse(json);
  if (!parsed.success) {
    throw new CertwatchError(
      "CRTSH_MALFORMED",
      `crt.sh JSON has an unexpected shape: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

/** Σ result_count ≥ 10,000 or a full 10,000 rows: crt.sh cut the answer short. */
export function isTruncated(rows: CrtshRow[]): boolean {
  const total = rows.reduce((n, r) => n + (r.result_count ?? 0), 0);
  return rows.length >= CRTSH_ROW_LIMIT || total >= CRTSH_ROW_LIMIT;
}

// crt.sh timestamps are UTC without a zone.
function utc(s: string | null | undefined): Date | null {
  if (!s) return null;
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function namesOf(r: CrtshRow): string[] {
  const all = [...(r.name_value ?? "").split("\n"), r.common_name ?? ""];
  return [...new Set(all.map((n) => n.trim().toLowerCase()).filter(Boolean))];
}

/** crt.sh matches loosely (ILIKE): keep only rows whose names our watchlist matches, merged per issuance. */
export function toRecords(rows: CrtshRow[], watchlist: Watchlist): CrtshRecord[] {
  const byIssuance = new Map<string, CrtshRecord>();
  for (const r of rows) {
    const names = namesOf(r);
    const ids = newIdentifiers();
    for (const n of names) addCommonName(ids, n);
    const watchItem = watchlist.match(ids);
    if (!watchItem) continue;
    const key = `${r.issuer_ca_id ?? r.issuer_name}|${r.serial_number ?? r.id}`;
    const seen = byIssuance.get(key);
    if (seen) {
      seen.crtshIds.push(r.id);
      seen.names = [...new Set([...seen.names, ...names])];
      const ts = utc(r.entry_timestamp);
      if (ts && (!seen.entryTimestamp || ts < seen.entryTimestamp)) seen.entryTimestamp = ts;
      continue;
    }
    byIssuance.set(key, {
      crtshIds: [r.id],
      serial: r.serial_number ?? "",
      issuer: r.issuer_name ?? "",
      issuerCaId: r.issuer_ca_id ?? null,
      commonName: r.common_name ?? null,
      names,
      notBefore: utc(r.not_before),
      notAfter: utc(r.not_after),
      entryTimestamp: utc(r.entry_timestamp),
      watchItem,
    });
  }
  return [...byIssuance.values()];
}
