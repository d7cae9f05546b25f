import type { CipherSuiteFacts, ProtocolName } from "@/lib/assessment/types";
import { type CipherSuite, suiteByName } from "@/lib/tls/suites";
import type { ClassifiedSuite, ResolvedGradingOptions } from "./types";

// Suites are classified from lib/tls's registry by IANA or OpenSSL name. Names outside it (SSLv2 kinds,
// anything a future probe spells differently) fall back to reading the name; a bare hex code with an
// "unknown" key exchange (GOST, private use) is left out of grading rather than guessed at.
const RC4 = /RC4/i;
const TRIPLE_DES = /3DES|DES[-_]CBC3|DES_192|DES192/i;
const OTHER_64_BIT = /_WITH_DES(40)?_|_DES40_|(^|-)DES-CBC-|_DES_64_|IDEA|RC2/i;
const EXPORT = /EXPORT|^EXP\d*-/i;
const NULL_CIPHER = /_WITH_NULL_|^TLS_NULL_WITH_NULL_NULL$|(^|-)NULL-|eNULL/i;
const ANON = /_anon_|^ADH-|^AECDH-|aNULL/i;
const AEAD = /GCM|CHACHA20|POLY1305|CCM/i;
const FS_NAME = /^TLS_(AES|CHACHA20|SM4)|_(EC)?DHE_|^(EC)?DHE-/i;

export function classifySuite(s: CipherSuiteFacts, opts: ResolvedGradingOptions): ClassifiedSuite | null {
  return classifySuiteName(s.name, s.protocol, { bits: s.bits, keyExchange: s.keyExchange }, opts);
}

/** Classify one suite; `known` carries the probe's bits / key exchange when there are any. */
export function classifySuiteName(
  name: string,
  protocol: ProtocolName,
  known: { bits: number | null; keyExchange: string | null },
  opts: ResolvedGradingOptions,
): ClassifiedSuite | null {
  const entry = suiteByName(name);
  if (entry) return fromRegistry(entry, protocol, opts);
  if (/^0x[0-9a-f]+$/i.test(name) && (known.keyExchange ?? "unknown") === "unknown") return null;
  return fromName(name, protocol, known, opts);
}

function fromRegistry(s: CipherSuite, protocol: ProtocolName, opts: ResolvedGradingOptions): ClassifiedSuite {
  const tripleDes = s.cipher.includes("3DES");
  return {
    protocol,
    name: s.name,
    bits: tripleDes ? opts.tripleDesBits : s.nullCipher ? 0 : s.bits,
    rc4: s.rc4,
    tripleDes,
    block64: s.block64,
    export: s.export,
    nullCipher: s.nullCipher,
    anonymous: s.anonymous,
    cbc: s.cbc,
    aead: s.aead,
    forwardSecrecy: s.forwardSecrecy,
  };
}

function fromName(
  name: string,
  protocol: ProtocolName,
  known: { bits: number | null; keyExchange: string | null },
  opts: ResolvedGradingOptions,
): ClassifiedSuite {
  const kx = (known.keyExchange ?? "").toUpperCase();
  const nullCipher = NULL_CIPHER.test(name) || kx === "NULL";
  const anonymous = ANON.test(name) || kx === "ANON";
  const rc4 = RC4.test(name);
  const tripleDes = TRIPLE_DES.test(name);
  const aead = !nullCipher && AEAD.test(name);
  return {
    protocol,
    name,
    bits: nullCipher ? 0 : tripleDes ? opts.tripleDesBits : (known.bits ?? 0),
    rc4,
    tripleDes,
    block64: tripleDes || OTHER_64_BIT.test(name),
    export: EXPORT.test(name),
    nullCipher,
    anonymous,
    cbc: !aead && !rc4 && !nullCipher,
    aead,
    forwardSecrecy: !anonymous && (FS_NAME.test(name) || kx === "ECDHE" || kx === "DHE"),
  };
}
