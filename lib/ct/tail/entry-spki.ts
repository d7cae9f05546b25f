import { createHash } from "node:crypto";
import type { EntryBatch } from "../client/types";
import { DerElement, readElement } from "../der";
import { locateCertificateTbs, locateTbs } from "../der-walker";
import type { Sighting } from "../entry-examine";
import { parseLeafInput, type TimestampedEntry } from "../rfc6962-entry";
import { readTileLeaf } from "../tile-leaf";
import { TlsReader } from "../tls-reader";

/** A sighting plus the key it certifies (base64 SHA-256 of the SPKI DER, as the certificates table). */
export type KeyedSighting = Sighting & { spkiSha256: string | null };

function entryAt(b: EntryBatch, index: number): TimestampedEntry {
  const offset = index - b.start;
  if (b.kind === "rfc6962") return parseLeafInput(b.entries[offset]!.leafInput);
  const r = new TlsReader(b.bytes);
  for (let i = 0; i < offset; i++) readTileLeaf(r);
  return readTileLeaf(r).entry;
}

/** Off the hot path (matched entries only): re-reads the entry to hash its SubjectPublicKeyInfo. */
export function spkiSha256Of(b: EntryBatch, index: number): string | null {
  try {
    const e = entryAt(b, index);
    const der = Buffer.from(e.entryType === "x509" ? e.certDer : e.tbsDer);
    const L = e.entryType === "x509" ? locateCertificateTbs(der) : locateTbs(der);
    const spki = readElement(der, L.subjectEnd, L.tbsEnd, new DerElement());
    return createHash("sha256").update(der.subarray(spki.start, spki.end)).digest("base64");
  } catch {
    return null;
  }
}

export function withSpki(b: EntryBatch, sightings: Sighting[]): KeyedSighting[] {
  return sightings.map((s) => ({ ...s, spkiSha256: spkiSha256Of(b, s.index) }));
}
