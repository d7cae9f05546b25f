import { z } from "zod";
import { CertwatchError } from "@/lib/errors";
import {
  type DigitallySigned,
  type PublicKeyInput,
  parseDigitallySigned,
  type TreeHead,
  verifyTreeHeadSignature,
} from "./signatures";
import { malformed } from "./tls-reader";

/** A get-sth response (RFC 6962 §4.3), decoded. */
export interface SignedTreeHead extends TreeHead {
  signature: DigitallySigned;
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const GetSthJson = z.object({
  tree_size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  timestamp: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  sha256_root_hash: b64,
  tree_head_signature: b64,
});

export function parseGetSth(json: unknown): SignedTreeHead {
  const parsed = GetSthJson.safeParse(json);
  if (!parsed.success) throw malformed(`get-sth response: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const rootHash = Buffer.from(parsed.data.sha256_root_hash, "base64");
  if (rootHash.length !== 32) throw malformed("get-sth sha256_root_hash is not 32 bytes");
  return {
    treeSize: parsed.data.tree_size,
    timestamp: parsed.data.timestamp,
    rootHash,
    signature: parseDigitallySigned(Buffer.from(parsed.data.tree_head_signature, "base64")),
  };
}

/** Throws CT_STH_SIGNATURE_INVALID unless the log's key signed this tree head. */
export function verifySth(sth: SignedTreeHead, key: PublicKeyInput): SignedTreeHead {
  if (!verifyTreeHeadSignature(sth, sth.signature, key)) {
    throw new CertwatchError(
      "CT_STH_SIGNATURE_INVALID",
      `Signed tree head (size ${sth.treeSize}) does not verify with the log's key`,
      "Check that the log list entry's key belongs to this URL; a persistent failure means the log misbehaves.",
    );
  }
  return sth;
}
