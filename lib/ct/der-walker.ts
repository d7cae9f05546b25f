import { bytesEqual, DerElement, expectElement, readElement, TAG } from "./der";
import { malformed } from "./tls-reader";

/** Offsets of the TBSCertificate fields a CT monitor needs; -1 where a field is absent. */
export interface TbsLayout {
  tbsStart: number;
  tbsEnd: number;
  /** Content of the serialNumber INTEGER. */
  serialStart: number;
  serialEnd: number;
  /** Whole issuer / subject Name elements (tag included). */
  issuerStart: number;
  issuerEnd: number;
  validityStart: number;
  validityEnd: number;
  subjectStart: number;
  subjectEnd: number;
  /** The [3] EXPLICIT extensions wrapper and its inner SEQUENCE content. */
  extsStart: number;
  extsEnd: number;
  extsListStart: number;
  /** Content of the subjectAltName extnValue OCTET STRING. */
  sanStart: number;
  sanEnd: number;
  /** The whole SCT-list Extension element (present in final certificates). */
  sctExtStart: number;
  sctExtEnd: number;
}

const OID_SAN = Uint8Array.of(0x55, 0x1d, 0x11);
const OID_SCT_LIST = Uint8Array.of(0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02);
const el = new DerElement();

/** Finds the TBSCertificate inside a Certificate (its first element). */
export function locateCertificateTbs(buf: Uint8Array, start = 0, end = buf.length): TbsLayout {
  expectElement(buf, start, end, TAG.SEQUENCE, el, "Certificate");
  if (el.end !== end) throw malformed("trailing bytes after Certificate");
  expectElement(buf, el.contentStart, el.end, TAG.SEQUENCE, el, "TBSCertificate");
  return locateTbs(buf, el.start, el.end);
}

/** Walks a TBSCertificate's top-level fields without decoding them. */
export function locateTbs(buf: Uint8Array, start = 0, end = buf.length): TbsLayout {
  expectElement(buf, start, end, TAG.SEQUENCE, el, "TBSCertificate");
  if (el.end !== end) throw malformed("trailing bytes after TBSCertificate");
  const L: TbsLayout = {
    tbsStart: start,
    tbsEnd: end,
    serialStart: 0,
    serialEnd: 0,
    issuerStart: 0,
    issuerEnd: 0,
    validityStart: 0,
    validityEnd: 0,
    subjectStart: 0,
    subjectEnd: 0,
    extsStart: -1,
    extsEnd: -1,
    extsListStart: -1,
    sanStart: -1,
    sanEnd: -1,
    sctExtStart: -1,
    sctExtEnd: -1,
  };
  let p = el.contentStart;
  readElement(buf, p, end, el);
  if (el.tag === 0xa0) p = readElement(buf, el.end, end, el).start;
  expectElement(buf, p, end, TAG.INTEGER, el, "serialNumber");
  L.serialStart = el.contentStart;
  L.serialEnd = el.end;
  expectElement(buf, el.end, end, TAG.SEQUENCE, el, "signature algorithm");
  expectElement(buf, el.end, end, TAG.SEQUENCE, el, "issuer");
  L.issuerStart = el.start;
  L.issuerEnd = el.end;
  expectElement(buf, el.end, end, TAG.SEQUENCE, el, "validity");
  L.validityStart = el.contentStart;
  L.validityEnd = el.end;
  expectElement(buf, el.end, end, TAG.SEQUENCE, el, "subject");
  L.subjectStart = el.start;
  L.subjectEnd = el.end;
  expectElement(buf, el.end, end, TAG.SEQUENCE, el, "subjectPublicKeyInfo");
  for (p = el.end; p < end; p = el.end) {
    readElement(buf, p, end, el);
    if (el.tag === 0xa3) locateExtensions(buf, L, el.start, el.end);
  }
  return L;
}

function locateExtensions(buf: Uint8Array, L: TbsLayout, start: number, end: number): void {
  L.extsStart = start;
  L.extsEnd = end;
  const outer = readElement(buf, start, end, el).contentStart;
  expectElement(buf, outer, end, TAG.SEQUENCE, el, "extensions");
  const listEnd = el.end;
  if (listEnd !== end) throw malformed("trailing bytes after the extension list");
  L.extsListStart = el.contentStart;
  for (let p = el.contentStart; p < listEnd; ) {
    const extStart = p;
    const extEnd = expectElement(buf, p, listEnd, TAG.SEQUENCE, el, "extension").end;
    expectElement(buf, el.contentStart, extEnd, TAG.OID, el, "extnID");
    const oidS = el.contentStart;
    const oidE = el.end;
    readElement(buf, el.end, extEnd, el);
    if (el.tag === TAG.BOOLEAN) readElement(buf, el.end, extEnd, el);
    if (el.tag !== TAG.OCTET_STRING) throw malformed("extnValue is not an OCTET STRING");
    if (bytesEqual(buf, oidS, oidE, OID_SAN)) {
      L.sanStart = el.contentStart;
      L.sanEnd = el.end;
    } else if (bytesEqual(buf, oidS, oidE, OID_SCT_LIST)) {
      L.sctExtStart = extStart;
      L.sctExtEnd = extEnd;
    }
    p = extEnd;
  }
}
