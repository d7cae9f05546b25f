import type { CipherSuiteFacts, ProtocolName } from "@/lib/assessment/types";
import type { ClassifiedSuite, ResolvedGradingOptions } from "./types";

// Names are IANA ("TLS_RSA_WITH_3DES_EDE_CBC_SHA"); OpenSSL spellings ("DES-CBC3-SHA") are accepted too,
// so a probe that falls back to them is still graded correctly.
const RC4 = /RC4/i;
const TRIPLE_DES = /3DES|DES[-_]CBC3|DES192/i;
const SINGLE_DES = /_WITH_DES(40)?_|_DES40_|(^|-)DES-CBC-/i;
const IDEA_RC2 = /IDEA|RC2/i;
const EXPORT = /EXPORT|^EXP\d*-/i;
const NULL_CIPHER = /_WITH_NULL_|^TLS_NULL_WITH_NULL_NULL$|(^|-)NULL-|eNULL/i;
const ANON = /_anon_|^ADH-|^AECDH-|aNULL/i;
const AEAD = /GCM|CHACHA20|POLY1305|CCM/i;
const FS_NAME = /^TLS_(AES|CHACHA20|SM4)|_(EC)?DHE_|^(EC)?DHE-/i;

export function classifySuite(s: CipherSuiteFacts, opts: ResolvedGradingOptions): ClassifiedSuite {
  return classifySuiteName(s.name, s.protocol, { bits: s.bits, keyExchange: s.keyExchange }, opts);
}

/** Classify from the name; `known` carries the probe's bits / key exchange when there are any. */
export function classifySuiteName(
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
  const block64 = tripleDes || SINGLE_DES.test(name) || IDEA_RC2.test(name);
  const aead = !nullCipher && AEAD.test(name);
  return {
    protocol,
    name,
    bits: effectiveBits(known.bits, { nullCipher, tripleDes }, opts),
    rc4,
    tripleDes,
    block64,
    export: EXPORT.test(name),
    nullCipher,
    anonymous,
    cbc: !aead && !rc4 && !nullCipher,
    aead,
    forwardSecrecy: !anonymous && (FS_NAME.test(name) || kx === "ECDHE" || kx === "DHE"),
  };
}

function effectiveBits(
  bits: number | null,
  kind: { nullCipher: boolean; tripleDes: boolean },
  opts: ResolvedGradingOptions,
): number {
  if (kind.nullCipher) return 0;
  if (kind.tripleDes) return opts.tripleDesBits;
  return bits ?? 0;
}
