import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { CertwatchError } from "@/lib/errors";
import { malformed, TlsReader } from "./tls-reader";

/** RFC 5246 DigitallySigned: hash 4 = SHA-256; signature 1 = RSA, 3 = ECDSA. */
export interface DigitallySigned {
  hashAlgorithm: number;
  signatureAlgorithm: number;
  signature: Uint8Array;
}

export interface TreeHead {
  treeSize: number;
  timestamp: number;
  rootHash: Uint8Array;
}

export const HASH_SHA256 = 4;
export const SIG_RSA = 1;
export const SIG_ECDSA = 3;

export function readDigitallySigned(r: TlsReader): DigitallySigned {
  const hashAlgorithm = r.u8("hash algorithm");
  const signatureAlgorithm = r.u8("signature algorithm");
  return { hashAlgorithm, signatureAlgorithm, signature: r.opaque(2, "signature") };
}

export function parseDigitallySigned(buf: Uint8Array): DigitallySigned {
  const r = new TlsReader(buf);
  const ds = readDigitallySigned(r);
  r.expectEnd("DigitallySigned");
  return ds;
}

export function encodeDigitallySigned(ds: DigitallySigned): Buffer {
  const n = ds.signature.length;
  return Buffer.concat([
    Uint8Array.of(ds.hashAlgorithm, ds.signatureAlgorithm, n >> 8, n & 0xff),
    ds.signature,
  ]);
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** The 50 bytes a log signs for a tree head (RFC 6962 §3.5): v1, tree_hash, timestamp, size, root. */
export function treeHeadSignedInput(th: TreeHead): Buffer {
  if (th.rootHash.length !== 32) throw malformed("root hash is not 32 bytes");
  return Buffer.concat([Uint8Array.of(0, 1), u64(th.timestamp), u64(th.treeSize), th.rootHash]);
}

export type PublicKeyInput = KeyObject | Uint8Array | string;

/** Accepts a KeyObject, DER SPKI bytes, base64 DER SPKI (as in log lists) or a PEM. */
export function toPublicKey(key: PublicKeyInput): KeyObject {
  if (typeof key !== "string" && !(key instanceof Uint8Array)) return key;
  try {
    if (typeof key === "string" && key.includes("-----BEGIN")) return createPublicKey(key);
    const der = typeof key === "string" ? Buffer.from(key, "base64") : Buffer.from(key);
    return createPublicKey({ key: der, format: "der", type: "spki" });
  } catch (cause) {
    throw new CertwatchError("CT_BAD_KEY", "Log public key is not a valid SubjectPublicKeyInfo", null, {
      cause,
    });
  }
}

/** RFC 6962 §3.2: the log ID is SHA-256 of the DER SubjectPublicKeyInfo. */
export function logIdFromKey(key: PublicKeyInput): Buffer {
  const spki = toPublicKey(key).export({ type: "spki", format: "der" });
  return createHash("sha256").update(spki).digest();
}

/** Verifies a DigitallySigned over `data`; false on any algorithm/key mismatch rather than throwing. */
export function verifyDigitallySigned(data: Uint8Array, ds: DigitallySigned, key: PublicKeyInput): boolean {
  const k = toPublicKey(key);
  if (ds.hashAlgorithm !== HASH_SHA256) return false;
  const type = k.asymmetricKeyType;
  if (ds.signatureAlgorithm === SIG_ECDSA && type !== "ec") return false;
  if (ds.signatureAlgorithm === SIG_RSA && type !== "rsa") return false;
  if (ds.signatureAlgorithm !== SIG_ECDSA && ds.signatureAlgorithm !== SIG_RSA) return false;
  try {
    return verify("sha256", data, k, ds.signature);
  } catch {
    return false;
  }
}

export function verifyTreeHeadSignature(th: TreeHead, ds: DigitallySigned, key: PublicKeyInput): boolean {
  return verifyDigitallySigned(treeHeadSignedInput(th), ds, key);
}
