// Verifies a signature named by an X.509 AlgorithmIdentifier with node's OpenSSL: RSA PKCS#1 v1.5,
// RSA-PSS, ECDSA (DER-encoded, as X.509 carries it) and EdDSA. Anything else does not verify.
import { constants, type KeyObject, verify } from "node:crypto";
import { readTlv } from "@/lib/x509/der";
import { HASH_OIDS } from "./cert-parts";
import { childrenOf, decodeOid, smallInteger, TAG } from "./der-values";

const HASHED: Record<string, string> = {
  "1.2.840.113549.1.1.5": "sha1",
  "1.2.840.113549.1.1.14": "sha224",
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.10045.4.1": "sha1",
  "1.2.840.10045.4.3.1": "sha224",
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
};
const EDDSA = new Set(["1.3.101.112", "1.3.101.113"]);
const RSA_PSS = "1.2.840.113549.1.1.10";

export interface SignatureAlgorithm {
  oid: string;
  /** DER of the parameters field, when present. */
  params: Uint8Array | null;
}

/** RSASSA-PSS-params: [0] hash (default SHA-1), [2] saltLength (default 20). MGF1 is assumed to use the same hash. */
function pssParams(params: Uint8Array | null): { hash: string; saltLength: number } | null {
  const out = { hash: "sha1", saltLength: 20 };
  if (!params) return out;
  const seq = readTlv(params, 0);
  const items = seq?.tag === TAG.sequence ? childrenOf(params, seq, 4) : null;
  if (!items) return null;
  for (const item of items) {
    const inner = readTlv(params, item.start);
    if (!inner) return null;
    if (item.tag === 0xa0) {
      const oidTlv = inner.tag === TAG.sequence ? readTlv(params, inner.start) : null;
      const hash = oidTlv ? HASH_OIDS[decodeOid(params, oidTlv) ?? ""] : undefined;
      if (!hash) return null;
      out.hash = hash;
    } else if (item.tag === 0xa2) {
      const salt = inner.tag === TAG.integer ? smallInteger(params, inner) : null;
      if (salt === null) return null;
      out.saltLength = salt;
    }
  }
  return out;
}

export function verifySignature(
  alg: SignatureAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
  key: KeyObject,
): boolean {
  try {
    if (EDDSA.has(alg.oid)) return verify(null, data, key, signature);
    if (alg.oid === RSA_PSS) {
      if (key.asymmetricKeyType !== "rsa" && key.asymmetricKeyType !== "rsa-pss") return false;
      const pss = pssParams(alg.params);
      if (!pss) return false;
      const opts = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength };
      return verify(pss.hash, data, opts, signature);
    }
    const hash = HASHED[alg.oid];
    const keyType = alg.oid.startsWith("1.2.840.10045.") ? "ec" : "rsa";
    return hash !== undefined && key.asymmetricKeyType === keyType && verify(hash, data, key, signature);
  } catch {
    // Wrong key type for the algorithm, or a key OpenSSL refuses: simply "does not verify".
    return false;
  }
}
