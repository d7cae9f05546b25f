import { signatureAlgorithmName } from "@/lib/x509/oids";

export type SignatureHash = "md2" | "md5" | "sha1" | "sha224" | "sha256" | "sha384" | "sha512";

export interface SignatureAlgorithm {
  hash: SignatureHash | null;
  key: "rsa" | "rsa-pss" | "ecdsa" | "dsa" | "ed25519" | "ed448" | null;
  /** Mozilla's spelling ("sha256WithRSAEncryption", "ecdsa-with-SHA384"), null when it has none. */
  mozillaName: string | null;
}

/** Accepts OpenSSL names, OIDs, WebCrypto-ish and Node-ish spellings ("RSA-SHA256", "SHA256withRSA"). */
export function parseSignatureAlgorithm(raw: string | null): SignatureAlgorithm | null {
  if (!raw) return null;
  const name = signatureAlgorithmName(raw.trim());
  const flat = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const hash = hashOf(flat);
  const key = keyOf(flat);
  if (!hash && key !== "ed25519" && key !== "ed448" && key !== "rsa-pss") return null;
  return { hash, key, mozillaName: mozillaName(hash, key) };
}

function hashOf(flat: string): SignatureHash | null {
  const m = flat.match(/md2|md5|sha(1|224|256|384|512)(?!\d)/);
  return m ? (m[0] as SignatureHash) : null;
}

function keyOf(flat: string): SignatureAlgorithm["key"] {
  if (flat.includes("ed25519")) return "ed25519";
  if (flat.includes("ed448")) return "ed448";
  if (flat.includes("pss")) return "rsa-pss";
  if (flat.includes("ecdsa")) return "ecdsa";
  if (flat.includes("dsa")) return "dsa";
  if (flat.includes("rsa")) return "rsa";
  return null;
}

function mozillaName(hash: SignatureHash | null, key: SignatureAlgorithm["key"]): string | null {
  if (!hash) return null;
  if (key === "rsa") return `${hash}WithRSAEncryption`;
  if (key === "ecdsa") return `ecdsa-with-${hash.toUpperCase()}`;
  return null;
}
