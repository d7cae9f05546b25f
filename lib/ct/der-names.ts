import { bytesEqual, DerElement, expectElement, oidToString, readElement, TAG } from "./der";
import { decodeDerString, latin1At, parseDerTime } from "./der-strings";
import type { TbsLayout } from "./der-walker";
import { malformed } from "./tls-reader";

export const UNPARSABLE = "<unparsable>";
const OID_CN = Uint8Array.of(0x55, 0x04, 0x03);
const ATTR_NAMES: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.5": "serialNumber",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "STREET",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "1.2.840.113549.1.9.1": "emailAddress",
  "0.9.2342.19200300.100.1.25": "DC",
};
const el = new DerElement();
const val = new DerElement();

/** Calls `visit` for each AttributeTypeAndValue of a Name, in DER order. */
function forEachAttribute(
  buf: Uint8Array,
  start: number,
  end: number,
  visit: (oidS: number, oidE: number, value: DerElement) => void,
): void {
  const nameEnd = expectElement(buf, start, end, TAG.SEQUENCE, el, "Name").end;
  for (let p = el.contentStart; p < nameEnd; ) {
    const setEnd = expectElement(buf, p, nameEnd, TAG.SET, el, "RDN").end;
    for (let q = el.contentStart; q < setEnd; ) {
      const atvEnd = expectElement(buf, q, setEnd, TAG.SEQUENCE, el, "AttributeTypeAndValue").end;
      expectElement(buf, el.contentStart, atvEnd, TAG.OID, el, "attribute type");
      const oidS = el.contentStart;
      const oidE = el.end;
      readElement(buf, el.end, atvEnd, val);
      visit(oidS, oidE, val);
      q = atvEnd;
    }
    p = setEnd;
  }
}

/** Every subject CN (certspotter v0.24.2 uses all of them); an undecodable one becomes UNPARSABLE. */
export function readSubjectCommonNames(buf: Uint8Array, L: TbsLayout): string[] {
  const out: string[] = [];
  try {
    forEachAttribute(buf, L.subjectStart, L.subjectEnd, (oidS, oidE, v) => {
      if (bytesEqual(buf, oidS, oidE, OID_CN))
        out.push(decodeDerString(buf, v.tag, v.contentStart, v.end) ?? UNPARSABLE);
    });
  } catch {
    out.push(UNPARSABLE);
  }
  return out;
}

export interface SanValues {
  /** [start, end) offset pairs into the certificate buffer, flattened: no per-name views on the hot path. */
  dns: number[];
  ip: number[];
  /** True when the SAN extension could not be walked: the caller must fail safe. */
  unparsable: boolean;
}

/** Where the DNS and IP SANs sit (normalisation is identifiers.ts's job). */
export function readSans(buf: Uint8Array, L: TbsLayout): SanValues {
  const out: SanValues = { dns: [], ip: [], unparsable: false };
  if (L.sanStart < 0) return out;
  try {
    const end = expectElement(buf, L.sanStart, L.sanEnd, TAG.SEQUENCE, el, "GeneralNames").end;
    if (end !== L.sanEnd) throw malformed("trailing bytes in subjectAltName");
    for (let p = el.contentStart; p < end; p = el.end) {
      readElement(buf, p, end, el);
      if (el.tag === 0x82) out.dns.push(el.contentStart, el.end);
      else if (el.tag === 0x87) out.ip.push(el.contentStart, el.end);
    }
  } catch {
    out.unparsable = true;
  }
  return out;
}

/** A display form of a Name, most specific first (RFC 4514 order): "CN=R13, O=Let's Encrypt, C=US". */
export function formatName(buf: Uint8Array, start: number, end: number): string {
  const parts: string[] = [];
  try {
    forEachAttribute(buf, start, end, (oidS, oidE, v) => {
      const oid = oidToString(buf, oidS, oidE);
      const text = decodeDerString(buf, v.tag, v.contentStart, v.end) ?? UNPARSABLE;
      parts.push(`${ATTR_NAMES[oid] ?? oid}=${text}`);
    });
  } catch {
    return UNPARSABLE;
  }
  return parts.reverse().join(", ");
}

const nameCache = new Map<string, string>();

/** formatName memoised on the DER bytes: a log has few issuers, and formatting is the slow part. */
export function formatNameCached(buf: Uint8Array, start: number, end: number): string {
  if (end - start > 1024) return formatName(buf, start, end);
  const key = latin1At(buf, start, end);
  let name = nameCache.get(key);
  if (name === undefined) {
    if (nameCache.size >= 4096) nameCache.clear();
    name = formatName(buf, start, end);
    nameCache.set(key, name);
  }
  return name;
}

export function readValidity(
  buf: Uint8Array,
  L: TbsLayout,
): { notBefore: Date | null; notAfter: Date | null } {
  try {
    readElement(buf, L.validityStart, L.validityEnd, el);
    const notBefore = parseDerTime(buf, el.tag, el.contentStart, el.end);
    readElement(buf, el.end, L.validityEnd, el);
    return { notBefore, notAfter: parseDerTime(buf, el.tag, el.contentStart, el.end) };
  } catch {
    return { notBefore: null, notAfter: null };
  }
}
