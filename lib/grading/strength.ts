import type { CertificateFacts } from "@/lib/assessment/types";
import type { EcStrengthMapping } from "./types";

/** XML key exchange table for RSA / DSA / DH sizes. */
export function rsaStrengthScore(bits: number): number {
  if (bits < 512) return 20;
  if (bits < 1024) return 40;
  if (bits < 2048) return 80;
  if (bits < 4096) return 90;
  return 100;
}

/** EC sizes: testssl's thresholds, or NIST SP 800-57 RSA equivalence fed into the RSA table. */
export function ecStrengthScore(bits: number, mapping: EcStrengthMapping): number {
  if (mapping === "nist") return rsaStrengthScore(nistRsaEquivalent(bits));
  if (bits < 110) return 20;
  if (bits < 123) return 40;
  if (bits < 163) return 80;
  if (bits < 225) return 90;
  return 100;
}

function nistRsaEquivalent(ecBits: number): number {
  if (ecBits >= 512) return 15360;
  if (ecBits >= 384) return 7680;
  if (ecBits >= 256) return 3072;
  if (ecBits >= 224) return 2048;
  if (ecBits >= 160) return 1024;
  if (ecBits >= 112) return 512;
  return 0;
}

/** Strength of the certificate key, or null when its size is not known. */
export function certificateKeyScore(cert: CertificateFacts, mapping: EcStrengthMapping): number | null {
  if (cert.keyType === "Ed25519") return ecStrengthScore(256, mapping);
  if (cert.keyType === "Ed448") return ecStrengthScore(448, mapping);
  if (cert.keyBits === null) return null;
  if (cert.keyType === "EC") return ecStrengthScore(curveBits(cert.curve) ?? cert.keyBits, mapping);
  if (cert.keyType === "RSA" || cert.keyType === "DSA") return rsaStrengthScore(cert.keyBits);
  return null;
}

export type GroupSize = { kind: "ec"; bits: number } | { kind: "dh"; bits: number };

/** Size of a named group ("X25519", "P-256", "secp384r1", "ffdhe2048", "X25519MLKEM768"); null if unknown. */
export function groupSize(name: string): GroupSize | null {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const ff = n.match(/^ffdhe(\d{4})$/);
  if (ff) return { kind: "dh", bits: Number(ff[1]) };
  const ec = curveBits(name);
  return ec === null ? null : { kind: "ec", bits: ec };
}

/** X25519 is reported as 253 bits by OpenSSL; count it as the 256-bit curve it is. */
export function curveBits(name: string | null): number | null {
  if (!name) return null;
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (n.includes("x25519") || n.includes("curve25519") || n === "prime256v1") return 256;
  if (n.includes("x448")) return 448;
  const m = n.match(/^(?:p|secp|sect|brainpoolp|prime)(\d{3})/);
  return m ? Number(m[1]) : null;
}
