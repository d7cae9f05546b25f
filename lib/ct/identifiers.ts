import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import { UNPARSABLE } from "./der-names";
import { isAsciiAt, latin1At } from "./der-strings";

/** A certificate's identifiers, normalised the way certspotter does (identifiers.go). */
export interface Identifiers {
  /** ASCII, lower-case, no trailing dot, IDNs in punycode; bad labels replaced by "<unparsable>". */
  dnsNames: string[];
  ipAddresses: string[];
}

export function newIdentifiers(): Identifiers {
  return { dnsNames: [], ipAddresses: [] };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

const SMALL = 32;
const seen = new WeakMap<string[], Set<string>>();

/** De-duplicating append: a scan for the usual handful of names, a Set once a hostile cert has many. */
function push(list: string[], v: string): void {
  if (v === "") return;
  if (list.length < SMALL) {
    if (!list.includes(v)) list.push(v);
    return;
  }
  let set = seen.get(list);
  if (!set) {
    set = new Set(list);
    seen.set(list, set);
  }
  if (!set.has(v)) {
    set.add(v);
    list.push(v);
  }
}

/** [a-z0-9-_*] and dots, not last, not all digits (could be an IP): needs no normalisation. The common case. */
function plainCode(c: number, state: { letters: boolean }): boolean {
  if ((c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f || c === 0x2a) state.letters = true;
  else if (!((c >= 0x30 && c <= 0x39) || c === 0x2e)) return false;
  return true;
}

const scratch = { letters: false };

function isPlainBytes(b: Uint8Array, s: number, e: number): boolean {
  scratch.letters = false;
  for (let i = s; i < e; i++) if (!plainCode(b[i]!, scratch)) return false;
  return e > s && b[e - 1] !== 0x2e && scratch.letters;
}

function isPlainString(v: string): boolean {
  scratch.letters = false;
  for (let i = 0; i < v.length; i++) if (!plainCode(v.charCodeAt(i), scratch)) return false;
  return v.length > 0 && v.charCodeAt(v.length - 1) !== 0x2e && scratch.letters;
}

function isSaneLabel(label: string): boolean {
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c !== 0x09 && (c < 0x20 || c > 0x7e)) return false;
  }
  return true;
}

function trimName(v: string): string {
  return v.trim().toLowerCase().replace(/\.+$/, "");
}

/** certspotter sanitizeDNSName / sanitizeUnicodeDNSName in one: IDN labels go to punycode via UTS 46. */
export function sanitizeDnsName(value: string): string {
  const labels = trimName(value).split(".");
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (isSaneLabel(label)) continue;
    const ascii = domainToASCII(label);
    labels[i] = ascii !== "" && isSaneLabel(ascii) ? ascii : UNPARSABLE;
  }
  return labels.join(".");
}

function addFinal(ids: Identifiers, value: string): void {
  const trimmed = value.trim();
  const ipVersion = isIP(trimmed);
  if (ipVersion !== 0) push(ids.ipAddresses, ipVersion === 6 ? trimmed.toLowerCase() : trimmed);
  else push(ids.dnsNames, sanitizeDnsName(trimmed));
}

/**
 * Also tries the parts around a NUL (`example.org\0.example.com` must alert watchers of both) and the
 * host inside URL-ish decoration CAs put into names. More readings only ever mean more alerts.
 */
function addVariants(ids: Identifiers, value: string): void {
  addFinal(ids, value);
  const nul = value.indexOf("\0");
  if (nul !== -1) {
    addFinal(ids, value.slice(0, nul));
    addFinal(ids, value.slice(value.lastIndexOf("\0") + 1));
  }
  const noScheme = value.replace(/^https?:\/\//i, "");
  if (noScheme !== value) addFinal(ids, noScheme);
  const slash = noScheme.indexOf("/");
  if (slash !== -1) {
    addFinal(ids, noScheme.slice(0, slash));
    addFinal(ids, noScheme.slice(noScheme.lastIndexOf("/") + 1));
  }
}

/** A dNSName SAN: meant to be IA5, but non-ASCII is read both as UTF-8 and as Latin-1. */
export function addDnsSan(ids: Identifiers, buf: Uint8Array, s = 0, e = buf.length): void {
  if (isPlainBytes(buf, s, e)) {
    push(ids.dnsNames, latin1At(buf, s, e));
    return;
  }
  if (isAsciiAt(buf, s, e)) {
    addVariants(ids, latin1At(buf, s, e));
    return;
  }
  try {
    addVariants(ids, utf8.decode(buf.subarray(s, e)));
  } catch {
    // not UTF-8: the Latin-1 reading below still covers it
  }
  addVariants(ids, latin1At(buf, s, e));
}

/** A subject CN (already decoded from its ASN.1 string type); a CN with a space is not a host name. */
export function addCommonName(ids: Identifiers, value: string): void {
  if (value === UNPARSABLE || isPlainString(value)) push(ids.dnsNames, value);
  else if (!value.includes(" ")) addVariants(ids, value);
}

/** An iPAddress SAN (4 or 16 bytes); other lengths are ignored (IP watch items are unsupported anyway). */
export function addIpSan(ids: Identifiers, buf: Uint8Array, s = 0, e = buf.length): void {
  if (e - s === 4) push(ids.ipAddresses, buf.subarray(s, e).join("."));
  else if (e - s === 16) push(ids.ipAddresses, formatIPv6(buf.subarray(s, e)));
}

function formatIPv6(b: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i]! << 8) | b[i + 1]!);
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestAt, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt < 0) return hex.join(":");
  return `${hex.slice(0, bestAt).join(":")}::${hex.slice(bestAt + bestLen).join(":")}`;
}
