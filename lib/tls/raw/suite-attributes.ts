import type { KeyExchange } from "../suites";

// How each IANA name part maps to attributes; ../suites.ts derives every registry row from these.

export type CipherSpec = {
  bits: number;
  mode: "aead" | "cbc" | "stream" | "null";
  block64?: true;
  nominal?: number;
};

export const CIPHERS: Record<string, CipherSpec> = {
  CHACHA20_POLY1305: { bits: 256, mode: "aead" },
  AES_128_GCM: { bits: 128, mode: "aead" },
  AES_256_GCM: { bits: 256, mode: "aead" },
  AES_128_CCM_8: { bits: 128, mode: "aead" },
  AES_256_CCM_8: { bits: 256, mode: "aead" },
  AES_128_CCM: { bits: 128, mode: "aead" },
  AES_256_CCM: { bits: 256, mode: "aead" },
  AES_128_CBC: { bits: 128, mode: "cbc" },
  AES_256_CBC: { bits: 256, mode: "cbc" },
  CAMELLIA_128_GCM: { bits: 128, mode: "aead" },
  CAMELLIA_256_GCM: { bits: 256, mode: "aead" },
  CAMELLIA_128_CBC: { bits: 128, mode: "cbc" },
  CAMELLIA_256_CBC: { bits: 256, mode: "cbc" },
  ARIA_128_GCM: { bits: 128, mode: "aead" },
  ARIA_256_GCM: { bits: 256, mode: "aead" },
  ARIA_128_CBC: { bits: 128, mode: "cbc" },
  ARIA_256_CBC: { bits: 256, mode: "cbc" },
  SEED_CBC: { bits: 128, mode: "cbc" },
  IDEA_CBC: { bits: 128, mode: "cbc", block64: true },
  "3DES_EDE_CBC": { bits: 112, mode: "cbc", block64: true, nominal: 168 },
  DES40_CBC: { bits: 40, mode: "cbc", block64: true },
  DES_CBC_40: { bits: 40, mode: "cbc", block64: true },
  DES_CBC: { bits: 56, mode: "cbc", block64: true },
  RC2_CBC_40: { bits: 40, mode: "cbc", block64: true },
  RC2_CBC_56: { bits: 56, mode: "cbc", block64: true },
  RC4_40: { bits: 40, mode: "stream" },
  RC4_56: { bits: 56, mode: "stream" },
  RC4_128: { bits: 128, mode: "stream" },
  NULL: { bits: 0, mode: "null" },
};
// Longest first, so AES_128_CCM_8 wins over AES_128_CCM and DES_CBC_40 over DES_CBC.
export const CIPHER_TOKENS = Object.keys(CIPHERS).sort((a, b) => b.length - a.length);

export const KX: Record<string, [KeyExchange, string]> = {
  RSA: ["RSA", "RSA"],
  DH_DSS: ["DH", "DSS"],
  DH_RSA: ["DH", "RSA"],
  DHE_DSS: ["DHE", "DSS"],
  DHE_RSA: ["DHE", "RSA"],
  DH_anon: ["DH_anon", "anon"],
  KRB5: ["KRB5", "KRB5"],
  PSK: ["PSK", "PSK"],
  DHE_PSK: ["DHE", "PSK"],
  PSK_DHE: ["DHE", "PSK"],
  RSA_PSK: ["RSA", "PSK"],
  ECDHE_PSK: ["ECDHE", "PSK"],
  ECDH_ECDSA: ["ECDH", "ECDSA"],
  ECDH_RSA: ["ECDH", "RSA"],
  ECDHE_ECDSA: ["ECDHE", "ECDSA"],
  ECDHE_RSA: ["ECDHE", "RSA"],
  ECDH_anon: ["ECDH_anon", "anon"],
  SRP_SHA: ["SRP", "SRP"],
  SRP_SHA_RSA: ["SRP", "RSA"],
  SRP_SHA_DSS: ["SRP", "DSS"],
  ECCPWD: ["ECCPWD", "PWD"],
  NULL: ["NULL", "anon"],
};
