import type { CipherSuiteFacts, ProtocolName } from "@/lib/assessment/types";
import { hex4 } from "./raw/bytes";
import { CIPHER_TOKENS, CIPHERS, KX } from "./raw/suite-attributes";
import { SUITE_TABLE } from "./raw/suite-table";

export type KeyExchange =
  | "ECDHE"
  | "DHE"
  | "RSA"
  | "ECDH"
  | "DH"
  | "DH_anon"
  | "ECDH_anon"
  | "PSK"
  | "SRP"
  | "KRB5"
  | "ECCPWD"
  | "NULL"
  /** TLS 1.3: the suite does not fix the key exchange; the negotiated group does. */
  | "any";

export interface CipherSuite {
  code: number;
  /** "0xC02F" */
  hex: string;
  /** IANA name. */
  name: string;
  openssl: string | null;
  tls13: boolean;
  /** Defined for TLS 1.2+ only (AEAD or a SHA-2 record MAC): never offered in SSLv3–TLS 1.1 probes. */
  tls12Only: boolean;
  keyExchange: KeyExchange;
  authentication: string;
  cipher: string;
  /** Effective strength: 3DES is 112 here (what SSL Labs lists); see nominalBits. */
  bits: number;
  /** Key length as specified (3DES: 168); graders that follow Ristić/testssl score 3DES on this. */
  nominalBits: number;
  mac: string;
  aead: boolean;
  cbc: boolean;
  forwardSecrecy: boolean;
  export: boolean;
  nullCipher: boolean;
  anonymous: boolean;
  rc4: boolean;
  /** 64-bit block cipher (3DES, DES, IDEA, RC2): SWEET32. */
  block64: boolean;
}

function splitCipher(rest: string): { cipher: string; mac: string } {
  for (const tok of CIPHER_TOKENS) {
    if (rest === tok || rest.startsWith(`${tok}_`))
      return { cipher: tok, mac: rest.slice(tok.length + 1) || "AEAD" };
  }
  throw new Error(`suite table: unknown cipher in ${rest}`);
}

function describeSuite(code: number, name: string, openssl: string | null): CipherSuite {
  const withAt = name.indexOf("_WITH_");
  const tls13 = withAt < 0;
  const integrityOnly = /^TLS_SHA(256|384)_SHA(256|384)$/.test(name);
  const kxPart = tls13 ? "" : name.slice(4, withAt);
  const exportKx = /_EXPORT(1024)?/.test(kxPart);
  const kxEntry = tls13 ? (["any", "any"] as const) : KX[kxPart.replace(/_EXPORT(1024)?/, "")];
  if (!kxEntry) throw new Error(`suite table: unknown key exchange in ${name}`);
  const rest = tls13 ? name.slice(4) : name.slice(withAt + 6);
  const { cipher, mac } = integrityOnly ? { cipher: "NULL", mac: rest.slice(7) } : splitCipher(rest);
  const spec = CIPHERS[cipher]!;
  const [keyExchange, authentication] = kxEntry;
  const anonymous = authentication === "anon";
  return {
    code,
    hex: hex4(code),
    name,
    openssl,
    tls13,
    tls12Only: !tls13 && (spec.mode === "aead" || mac === "SHA256" || mac === "SHA384"),
    keyExchange,
    authentication,
    cipher,
    bits: spec.bits,
    nominalBits: spec.nominal ?? spec.bits,
    mac,
    aead: spec.mode === "aead",
    cbc: spec.mode === "cbc",
    forwardSecrecy: !anonymous && (tls13 || ["ECDHE", "DHE", "ECCPWD"].includes(keyExchange)),
    export: exportKx,
    nullCipher: spec.mode === "null",
    anonymous,
    rc4: cipher.startsWith("RC4"),
    block64: spec.block64 ?? false,
  };
}

function load(): CipherSuite[] {
  return SUITE_TABLE.trim()
    .split("\n")
    .map((line) => {
      const [code, name, openssl] = line.split(" ");
      return describeSuite(Number.parseInt(code!, 16), name!, openssl === "-" ? null : openssl!);
    });
}

export const ALL_SUITES: readonly CipherSuite[] = load();
export const TLS13_SUITES = ALL_SUITES.filter((s) => s.tls13);
export const LEGACY_SUITES = ALL_SUITES.filter((s) => !s.tls13);

const byCode = new Map(ALL_SUITES.map((s) => [s.code, s]));
const byName = new Map(
  ALL_SUITES.flatMap((s) => [[s.name, s] as const, ...(s.openssl ? [[s.openssl, s] as const] : [])]),
);

export const SCSV = { emptyRenegotiationInfo: 0x00ff, fallback: 0x5600 } as const;

export function suiteByCode(code: number): CipherSuite | null {
  return byCode.get(code) ?? null;
}

/** Look a suite up by IANA or OpenSSL name. */
export function suiteByName(name: string): CipherSuite | null {
  return byName.get(name) ?? null;
}

/** IANA name, or the hex code for a suite outside the registry (GOST, private use, GREASE). */
export function suiteLabel(code: number): string {
  return byCode.get(code)?.name ?? hex4(code);
}

/** The Assessment shape; TLS 1.3 suites take their key exchange from the negotiated group. */
export function toCipherSuiteFacts(
  protocol: ProtocolName,
  code: number,
  tls13Kx = "ECDHE",
): CipherSuiteFacts {
  const s = byCode.get(code);
  if (!s)
    return {
      protocol,
      name: hex4(code),
      code: hex4(code),
      keyExchange: "unknown",
      bits: 0,
      aead: false,
      forwardSecrecy: false,
    };
  return {
    protocol,
    name: s.name,
    code: s.hex,
    keyExchange: s.tls13 ? tls13Kx : s.keyExchange,
    bits: s.bits,
    aead: s.aead,
    forwardSecrecy: s.forwardSecrecy,
  };
}
