import { createPrivateKey, createPublicKey, type KeyObject, sign } from "node:crypto";
import { checkpointKeyId } from "./checkpoint";
import {
  type DigitallySigned,
  encodeDigitallySigned,
  HASH_SHA256,
  logIdFromKey,
  SIG_ECDSA,
  SIG_RSA,
  type TreeHead,
  treeHeadSignedInput,
} from "./signatures";

/** The log side of tree-head signatures, for fake logs in tests (ECDSA P-256 or RSA keys). */

export type PrivateKeyInput = KeyObject | string;

function toPrivateKey(key: PrivateKeyInput): KeyObject {
  return typeof key === "string" ? createPrivateKey(key) : key;
}

export function signTreeHead(th: TreeHead, privateKey: PrivateKeyInput): DigitallySigned {
  const key = toPrivateKey(privateKey);
  const signatureAlgorithm = key.asymmetricKeyType === "rsa" ? SIG_RSA : SIG_ECDSA;
  const signature = sign("sha256", treeHeadSignedInput(th), key);
  return { hashAlgorithm: HASH_SHA256, signatureAlgorithm, signature };
}

/** A get-sth JSON body (RFC 6962 §4.3). */
export function signSth(th: TreeHead, privateKey: PrivateKeyInput) {
  return {
    tree_size: th.treeSize,
    timestamp: th.timestamp,
    sha256_root_hash: Buffer.from(th.rootHash).toString("base64"),
    tree_head_signature: encodeDigitallySigned(signTreeHead(th, privateKey)).toString("base64"),
  };
}

/** A static-ct-api checkpoint note signed by the log; `extraSignatureLines` simulate witnesses or grease. */
export function signCheckpoint(
  cp: TreeHead & { origin: string },
  privateKey: PrivateKeyInput,
  extraSignatureLines: string[] = [],
): string {
  const key = toPrivateKey(privateKey);
  const logId = logIdFromKey(createPublicKey(key));
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(cp.timestamp));
  const body = Buffer.concat([
    checkpointKeyId(cp.origin, logId),
    ts,
    encodeDigitallySigned(signTreeHead(cp, key)),
  ]);
  const root = Buffer.from(cp.rootHash).toString("base64");
  const lines = [...extraSignatureLines, `\u2014 ${cp.origin} ${body.toString("base64")}`];
  return `${cp.origin}\n${cp.treeSize}\n${root}\n\n${lines.join("\n")}\n`;
}
