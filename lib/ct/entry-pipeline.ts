import { hash } from "node:crypto";
import { isCertwatchError } from "@/lib/errors";
import { formatNameCached, readSans, readSubjectCommonNames, readValidity, UNPARSABLE } from "./der-names";
import { serialHex } from "./der-strings";
import { locateCertificateTbs, locateTbs, type TbsLayout } from "./der-walker";
import { addCommonName, addDnsSan, addIpSan, type Identifiers, newIdentifiers } from "./identifiers";
import { frameTileLeaf, LeafFrame } from "./leaf-frame";
import { leafHash } from "./merkle";
import { parseLeafInput } from "./rfc6962-entry";
import { precertFormTbs } from "./tbs-precert";
import { MAX_TILE_WIDTH } from "./tile-leaf";
import { malformed, TlsReader } from "./tls-reader";
import type { WatchItem, Watchlist } from "./watchlist";

/** A log entry that matched the watchlist, with what an alert and the dedup key need. */
export interface Sighting {
  index: number;
  /** Log timestamp (ms). */
  timestamp: number;
  precert: boolean;
  /** SHA-256 of the TBS in precert form: one key for a precert and its certificate. */
  tbsSha256: Buffer;
  /** SHA-256 of the certificate DER (x509 entries); null for precerts. */
  certSha256: Buffer | null;
  issuerKeyHash: Buffer | null;
  dnsNames: string[];
  ipAddresses: string[];
  commonNames: string[];
  issuer: string;
  serial: string;
  notBefore: Date | null;
  notAfter: Date | null;
  watchItem: WatchItem;
}

export interface MalformedEntry {
  index: number;
  reason: string;
}

export interface ProcessResult {
  /** 32 bytes per entry, in order: append to the collapsed tree. */
  leafHashes: Buffer;
  count: number;
  sightings: Sighting[];
  /** Entries whose certificate could not be walked (still hashed); certspotter reports these. */
  malformed: MalformedEntry[];
}

/** One entry's certificate bytes: the whole cert (x509) or the TBS (precert), at buf[start..end). */
export interface EntryDer {
  buf: Buffer;
  start: number;
  end: number;
  precert: boolean;
  timestamp: number;
  /** Offset of the precert's 32-byte issuer_key_hash in buf; -1 for x509 entries. */
  issuerKeyHashStart: number;
}

function identifiersOf(buf: Buffer, L: TbsLayout): { ids: Identifiers; commonNames: string[] } {
  const ids = newIdentifiers();
  const commonNames = readSubjectCommonNames(buf, L);
  for (const cn of commonNames) addCommonName(ids, cn);
  const sans = readSans(buf, L);
  for (let i = 0; i < sans.dns.length; i += 2) addDnsSan(ids, buf, sans.dns[i]!, sans.dns[i + 1]!);
  for (let i = 0; i < sans.ip.length; i += 2) addIpSan(ids, buf, sans.ip[i]!, sans.ip[i + 1]!);
  if (sans.unparsable) ids.dnsNames.push(UNPARSABLE);
  return { ids, commonNames };
}

function sighting(
  d: EntryDer,
  L: TbsLayout,
  index: number,
  item: WatchItem,
  ids: Identifiers,
  cns: string[],
) {
  const der = d.buf.subarray(d.start, d.end);
  const { notBefore, notAfter } = readValidity(d.buf, L);
  return {
    index,
    timestamp: d.timestamp,
    precert: d.precert,
    tbsSha256: hash("sha256", d.precert ? der : precertFormTbs(d.buf, L), "buffer"),
    certSha256: d.precert ? null : hash("sha256", der, "buffer"),
    issuerKeyHash: d.precert
      ? Buffer.from(d.buf.subarray(d.issuerKeyHashStart, d.issuerKeyHashStart + 32))
      : null,
    dnsNames: ids.dnsNames,
    ipAddresses: ids.ipAddresses,
    commonNames: cns,
    issuer: formatNameCached(d.buf, L.issuerStart, L.issuerEnd),
    serial: serialHex(d.buf, L.serialStart, L.serialEnd),
    notBefore,
    notAfter,
    watchItem: item,
  };
}

/** Extracts and matches one entry; a malformed certificate goes to `out.malformed`, never throws. */
export function examineEntry(d: EntryDer, index: number, watchlist: Watchlist, out: ProcessResult): void {
  let L: TbsLayout;
  try {
    L = d.precert ? locateTbs(d.buf, d.start, d.end) : locateCertificateTbs(d.buf, d.start, d.end);
  } catch (err) {
    out.malformed.push({ index, reason: isCertwatchError(err) ? err.message : String(err) });
    return;
  }
  const { ids, commonNames } = identifiersOf(d.buf, L);
  const item = watchlist.match(ids);
  if (item) out.sightings.push(sighting(d, L, index, item, ids, commonNames));
}

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);
}

const LEAF_PREFIX_LEN = 3;
let scratch = Buffer.alloc(64 * 1024);

/** SHA-256(0x00 ‖ 0x00 0x00 ‖ entry): one-shot crypto.hash over a reused copy beats createHash by ~25%. */
function hashLeafAt(tile: Buffer, s: number, e: number, out: Buffer, at: number): void {
  if (e - s + LEAF_PREFIX_LEN > scratch.length) scratch = Buffer.alloc((e - s + LEAF_PREFIX_LEN) * 2);
  const len = tile.copy(scratch, LEAF_PREFIX_LEN, s, e) + LEAF_PREFIX_LEN;
  hash("sha256", scratch.subarray(0, len), "buffer").copy(out, at);
}

/** The hot path for static-ct-api: frame, hash, extract and match every entry of a data tile. */
export function processTile(
  tileBytes: Uint8Array,
  startIndex: number,
  watchlist: Watchlist,
  maxEntries = MAX_TILE_WIDTH,
): ProcessResult {
  const tile = asBuffer(tileBytes);
  const r = new TlsReader(tile);
  const f = new LeafFrame();
  const out: ProcessResult = { leafHashes: Buffer.alloc(0), count: 0, sightings: [], malformed: [] };
  let hashes = Buffer.alloc(MAX_TILE_WIDTH * 32);
  const d: EntryDer = { buf: tile, start: 0, end: 0, precert: false, timestamp: 0, issuerKeyHashStart: -1 };
  let n = 0;
  for (; r.remaining > 0; n++) {
    if (n >= maxEntries) throw malformed(`data tile holds more than ${maxEntries} entries`);
    frameTileLeaf(r, f);
    if ((n + 1) * 32 > hashes.length) hashes = Buffer.concat([hashes, Buffer.alloc(hashes.length)]);
    hashLeafAt(tile, f.teStart, f.teEnd, hashes, n * 32);
    d.start = f.derStart;
    d.end = f.derEnd;
    d.precert = f.precert;
    d.timestamp = f.timestamp;
    d.issuerKeyHashStart = f.issuerKeyHashStart;
    examineEntry(d, startIndex + n, watchlist, out);
  }
  out.count = n;
  out.leafHashes = hashes.subarray(0, n * 32);
  return out;
}

export interface RawEntry {
  leafInput: Uint8Array;
}

/** The same for RFC 6962 get-entries items (extra_data is not needed to match or hash). */
export function processRfc6962Entries(
  entries: readonly RawEntry[],
  startIndex: number,
  watchlist: Watchlist,
) {
  const out: ProcessResult = {
    leafHashes: Buffer.alloc(entries.length * 32),
    count: 0,
    sightings: [],
    malformed: [],
  };
  entries.forEach((raw, i) => {
    const buf = asBuffer(raw.leafInput);
    leafHash(buf).copy(out.leafHashes, i * 32);
    try {
      const e = parseLeafInput(buf);
      const der = e.entryType === "x509" ? e.certDer : e.tbsDer;
      const start = der.byteOffset - buf.byteOffset;
      const ikh = e.entryType === "precert" ? e.issuerKeyHash.byteOffset - buf.byteOffset : -1;
      const d = {
        buf,
        start,
        end: start + der.length,
        precert: ikh >= 0,
        timestamp: e.timestamp,
        issuerKeyHashStart: ikh,
      };
      examineEntry(d, startIndex + i, watchlist, out);
    } catch (err) {
      if (!isCertwatchError(err)) throw err;
      out.malformed.push({ index: startIndex + i, reason: err.message });
    }
  });
  out.count = entries.length;
  return out;
}
