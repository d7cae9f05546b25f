import { DerElement, encodeLength, readElement } from "./der";
import type { TbsLayout } from "./der-walker";

const el = new DerElement();

/**
 * The TBS "in precert form": a final certificate's TBS without its SCT-list extension, lengths re-encoded.
 * A precert entry's TBS already has this form, so a precert and its certificate get one dedup key
 * (certspotter v0.24.0). Like Go's asn1 `optional`, an extension list left empty is dropped entirely.
 */
export function precertFormTbs(buf: Uint8Array, L: TbsLayout): Uint8Array {
  const tbs = buf.subarray(L.tbsStart, L.tbsEnd);
  if (L.sctExtStart < 0) return tbs;
  const tbsContentStart = readElement(buf, L.tbsStart, L.tbsEnd, el).contentStart;
  const extListLen = L.extsEnd - L.extsListStart - (L.sctExtEnd - L.sctExtStart);
  const head = buf.subarray(tbsContentStart, L.extsStart);
  const tail = buf.subarray(L.extsEnd, L.tbsEnd);
  const parts: Uint8Array[] = [];
  if (extListLen > 0) {
    const list = [buf.subarray(L.extsListStart, L.sctExtStart), buf.subarray(L.sctExtEnd, L.extsEnd)];
    const seqHeader = [Uint8Array.of(0x30), encodeLength(extListLen)];
    const seqLen = 1 + seqHeader[1]!.length + extListLen;
    parts.push(Uint8Array.of(0xa3), encodeLength(seqLen), ...seqHeader, ...list);
  }
  const contentLen = head.length + parts.reduce((n, p) => n + p.length, 0) + tail.length;
  return Buffer.concat([Uint8Array.of(0x30), encodeLength(contentLen), head, ...parts, tail]);
}
