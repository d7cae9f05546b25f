// Reads an X.509 CRL (RFC 5280 §5) straight from DER. Schema parsers build an object per entry and
// need seconds for 100k entries; here the revoked list becomes a Map of serial → entry offset in one
// pass, and an entry is only decoded when a lookup hits it.
import { CertwatchError } from "@/lib/errors";
import { readTlv, type Tlv } from "@/lib/x509/der";
import {
  childrenOf,
  decodeOid,
  decodeTime,
  expectTlv,
  type Item,
  normalizeSerialHex,
  TAG,
} from "./der-values";
import type { SignatureAlgorithm } from "./signature";

export interface ParsedCrl {
  der: Uint8Array;
  tbsRaw: Uint8Array;
  signatureAlgorithm: SignatureAlgorithm;
  /** The inner (signed) and outer AlgorithmIdentifier encodings must be identical. */
  algorithmsMatch: boolean;
  signature: Uint8Array;
  issuerRaw: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Why this CRL cannot be relied on for a leaf (delta, partial scope, unknown critical extension). */
  unsupported: string | null;
  /** Normalised hex serial → offset of its revokedCertificates entry in `der`. */
  entries: Map<string, number>;
}

export interface CrlEntry {
  revokedAt: Date | null;
  reasonCode: number | null;
  /** An entry extension we must understand but do not (certificateIssuer of an indirect CRL). */
  unsupported: string | null;
}

const fail = (why: string) =>
  new CertwatchError(
    "CRL_PARSE_ERROR",
    `The CRL is malformed: ${why}`,
    "Check the CRL with `openssl crl -inform DER -noout -text`.",
  );

function algorithm(buf: Uint8Array, item: Item): SignatureAlgorithm {
  const parts = item.tag === TAG.sequence ? childrenOf(buf, item, 2) : null;
  const oid = parts?.[0] ? decodeOid(buf, parts[0]) : null;
  if (!oid) throw fail("bad signature algorithm");
  const p = parts![1];
  return { oid, params: p ? buf.subarray(p.at, p.end) : null };
}

function bitString(buf: Uint8Array, tlv: Tlv | undefined): Uint8Array {
  if (tlv?.tag !== TAG.bitString || tlv.end - tlv.start < 1 || buf[tlv.start] !== 0)
    throw fail("bad signature");
  return buf.subarray(tlv.start + 1, tlv.end);
}

function indexEntries(buf: Uint8Array, list: Tlv): Map<string, number> {
  const entries = new Map<string, number>();
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let at = list.start; at < list.end; ) {
    const entry = expectTlv(b, at, TAG.sequence, list.end);
    const serial = entry ? expectTlv(b, entry.start, TAG.integer, entry.end) : null;
    if (!entry || !serial || serial.end === serial.start) throw fail(`bad revoked entry at offset ${at}`);
    const hex = b.toString("hex", serial.start, serial.end);
    entries.set(hex.charCodeAt(0) === 48 ? normalizeSerialHex(hex) : hex, at);
    at = entry.end;
  }
  return entries;
}

/** Known CRL extensions; an unknown critical one makes the CRL unusable (RFC 5280 §5.2). */
function extensionProblem(buf: Uint8Array, wrapper: Item): string | null {
  const list = readTlv(buf, wrapper.start);
  const exts = list?.tag === TAG.sequence ? childrenOf(buf, list, 32) : null;
  if (!exts) throw fail("bad crlExtensions");
  for (const ext of exts) {
    const parts = childrenOf(buf, ext, 3);
    const oid = parts?.[0] ? decodeOid(buf, parts[0]) : null;
    if (!parts || !oid) throw fail("bad extension");
    const critical = parts.length === 3 && parts[1]!.tag === 0x01 && buf[parts[1]!.start] !== 0;
    if (oid === "2.5.29.27") return "delta CRLs are not supported";
    if (oid === "2.5.29.28") {
      const idp = readTlv(buf, parts[parts.length - 1]!.start);
      const scope = idp?.tag === TAG.sequence ? childrenOf(buf, idp, 6) : null;
      if (scope?.some((s) => s.tag >= 0x82 && s.tag <= 0x85))
        return "partial-scope or indirect CRLs are not supported";
    } else if (critical && !["2.5.29.20", "2.5.29.35", "2.5.29.46"].includes(oid)) {
      return `the CRL has an unknown critical extension ${oid}`;
    }
  }
  return null;
}

export function parseCrl(der: Uint8Array): ParsedCrl {
  const outer = expectTlv(der, 0, TAG.sequence);
  const top = outer && outer.end === der.length ? childrenOf(der, outer, 3) : null;
  if (top?.length !== 3 || top[0]!.tag !== TAG.sequence) throw fail("not a CertificateList");
  const tbs = top[0]!;
  const fields = childrenOf(der, tbs, 8);
  if (!fields) throw fail("bad TBSCertList");
  let i = fields[0]?.tag === TAG.integer ? 1 : 0;
  const innerAlg = fields[i++];
  const issuer = fields[i++];
  const thisUpdate = fields[i] ? decodeTime(der, fields[i++]!) : null;
  if (!innerAlg || issuer?.tag !== TAG.sequence || !thisUpdate) throw fail("missing issuer or thisUpdate");
  const next =
    fields[i] && (fields[i]!.tag === TAG.utcTime || fields[i]!.tag === TAG.generalizedTime)
      ? fields[i++]!
      : null;
  const nextUpdate = next ? decodeTime(der, next) : null;
  if (next && !nextUpdate) throw fail("bad nextUpdate");
  const list = fields[i]?.tag === TAG.sequence ? fields[i++]! : null;
  const ext = fields[i]?.tag === TAG.context0 ? fields[i++]! : null;
  if (i !== fields.length) throw fail("unexpected TBSCertList field");
  const outerAlg = top[1]!;
  return {
    der,
    tbsRaw: der.subarray(tbs.at, tbs.end),
    signatureAlgorithm: algorithm(der, outerAlg),
    algorithmsMatch: Buffer.from(der.subarray(innerAlg.at, innerAlg.end)).equals(
      der.subarray(outerAlg.at, outerAlg.end),
    ),
    signature: bitString(der, top[2]),
    issuerRaw: der.subarray(issuer.at, issuer.end),
    thisUpdate,
    nextUpdate,
    unsupported: ext ? extensionProblem(der, ext) : null,
    entries: list ? indexEntries(der, list) : new Map(),
  };
}

/** Decodes the entry a lookup found: revocationDate and, from entry extensions, the reason code. */
export function readCrlEntry(crl: ParsedCrl, offset: number): CrlEntry {
  const buf = crl.der;
  const entry = readTlv(buf, offset);
  const parts = entry ? childrenOf(buf, entry, 3) : null;
  const out: CrlEntry = {
    revokedAt: parts?.[1] ? decodeTime(buf, parts[1]) : null,
    reasonCode: null,
    unsupported: null,
  };
  const exts = parts?.[2]?.tag === TAG.sequence ? (childrenOf(buf, parts[2], 16) ?? []) : [];
  for (const ext of exts) {
    const p = childrenOf(buf, ext, 3);
    const oid = p?.[0] ? decodeOid(buf, p[0]) : null;
    const value = p?.[p.length - 1];
    const inner = value?.tag === TAG.octetString ? readTlv(buf, value.start) : null;
    if (oid === "2.5.29.21" && inner?.tag === TAG.enumerated && inner.end - inner.start === 1) {
      out.reasonCode = buf[inner.start]!;
    } else if (oid === "2.5.29.29")
      out.unsupported = "indirect CRL entries (certificateIssuer) are not supported";
  }
  return out;
}
