import { hash } from "node:crypto";
import { isCertwatchError } from "@/lib/errors";
import {
  formatName,
  formatNameCached,
  readSans,
  readSubjectCommonNames,
  readValidity,
  UNPARSABLE,
} from "./der-names";
import { serialHex } from "./der-strings";
import { locateCertificateTbs, locateTbs, type TbsLayout } from "./der-walker";
import { addCommonName, addDnsSan, addIpSan, type Identifiers, newIdentifiers } from "./identifiers";
import { precertFormTbs } from "./tbs-precert";
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

export interface CertificateFacts extends Identifiers {
  commonNames: string[];
  subject: string;
  issuer: string;
  serial: string;
  notBefore: Date | null;
  notAfter: Date | null;
  /** SHA-256 of the TBS in precert form (the dedup key shared with the precert). */
  tbsSha256: Buffer;
}

/**
 * Everything the walker knows about one certificate (`der` is a Certificate) or precert TBS (`tbs`),
 * for callers off the hot path (crt.sh results, issuer fetches, the UI). Throws CT_MALFORMED.
 */
export function describeCertificate(
  der: Uint8Array,
  kind: "certificate" | "tbs" = "certificate",
): CertificateFacts {
  const buf = Buffer.isBuffer(der) ? der : Buffer.from(der.buffer, der.byteOffset, der.length);
  const L = kind === "tbs" ? locateTbs(buf) : locateCertificateTbs(buf);
  const { ids, commonNames } = identifiersOf(buf, L);
  return {
    ...ids,
    commonNames,
    subject: formatName(buf, L.subjectStart, L.subjectEnd),
    issuer: formatName(buf, L.issuerStart, L.issuerEnd),
    serial: serialHex(buf, L.serialStart, L.serialEnd),
    ...readValidity(buf, L),
    tbsSha256: hash("sha256", kind === "tbs" ? buf : precertFormTbs(buf, L), "buffer"),
  };
}
