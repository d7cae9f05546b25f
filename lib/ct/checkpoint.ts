import { createHash } from "node:crypto";
import { CertwatchError } from "@/lib/errors";
import {
  type DigitallySigned,
  logIdFromKey,
  type PublicKeyInput,
  readDigitallySigned,
  verifyTreeHeadSignature,
} from "./signatures";
import { malformed, TlsReader } from "./tls-reader";

/** static-ct-api checkpoints: C2SP signed notes whose log signature is an RFC6962NoteSignature. */

export interface NoteSignature {
  name: string;
  keyId: Buffer;
  /** The signature bytes after the 4-byte key ID. */
  signature: Buffer;
}

export interface CheckpointNote {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  extensions: string[];
  signatures: NoteSignature[];
}

export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  timestamp: number;
  signature: DigitallySigned;
}

const MAX_NOTE = 1 << 20;
const MAX_SIGNATURES = 100;
const SIG_PREFIX = "\u2014 ";

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIG_PREFIX)) throw malformed(`note signature line does not start with "— "`);
  const rest = line.slice(SIG_PREFIX.length);
  const space = rest.lastIndexOf(" ");
  const name = rest.slice(0, space);
  const b64 = rest.slice(space + 1);
  if (space <= 0 || /[\s+]/.test(name)) throw malformed("note signature line has a bad key name");
  const raw = Buffer.from(b64, "base64");
  if (raw.length < 5 || raw.toString("base64") !== b64) throw malformed("note signature is not valid base64");
  return { name, keyId: raw.subarray(0, 4), signature: raw.subarray(4) };
}

/** Parses the note framing and the checkpoint body; does not verify anything. */
export function parseCheckpointNote(text: string): CheckpointNote {
  if (text.length > MAX_NOTE) throw malformed("checkpoint is larger than 1 MiB");
  const split = text.lastIndexOf("\n\n");
  if (split < 0 || !text.endsWith("\n")) throw malformed("checkpoint has no signature block");
  const body = text.slice(0, split).split("\n");
  const sigLines = text.slice(split + 2, -1).split("\n");
  if (sigLines.length > MAX_SIGNATURES) throw malformed("checkpoint has too many signatures");
  const [origin, sizeLine, rootLine, ...extensions] = body;
  if (!origin || sizeLine === undefined || rootLine === undefined)
    throw malformed("checkpoint body is short");
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine))) {
    throw malformed(`checkpoint tree size "${sizeLine.slice(0, 30)}" is not a decimal number`);
  }
  const rootHash = Buffer.from(rootLine, "base64");
  if (rootHash.length !== 32 || rootHash.toString("base64") !== rootLine)
    throw malformed("checkpoint root hash");
  if (extensions.some((l) => l === "")) throw malformed("checkpoint has an empty extension line");
  const signatures = sigLines.map(parseSignatureLine);
  return { origin, treeSize: Number(sizeLine), rootHash, extensions, signatures };
}

/** Key ID of a log's RFC6962NoteSignature: SHA-256(origin ‖ "\n" ‖ 0x05 ‖ log ID)[:4]. */
export function checkpointKeyId(origin: string, logId: Uint8Array): Buffer {
  const h = createHash("sha256").update(origin, "utf8").update(Uint8Array.of(0x0a, 0x05)).update(logId);
  return h.digest().subarray(0, 4);
}

/** Picks the log's own signature line (name = origin, matching key ID) and decodes it; ignores the rest. */
export function openCheckpoint(text: string, opts: { logId: Uint8Array; origin?: string }): Checkpoint {
  const note = parseCheckpointNote(text);
  if (opts.origin !== undefined && note.origin !== opts.origin) {
    throw new CertwatchError(
      "CT_CHECKPOINT_ORIGIN",
      `Checkpoint origin "${note.origin}" is not the expected "${opts.origin}"`,
      "The origin is the submission URL without scheme or trailing slash; check the log list entry.",
    );
  }
  const keyId = checkpointKeyId(note.origin, opts.logId);
  const line = note.signatures.find((s) => s.name === note.origin && s.keyId.equals(keyId));
  if (!line) {
    throw new CertwatchError(
      "CT_CHECKPOINT_UNSIGNED",
      `Checkpoint for ${note.origin} carries no signature from the log's key`,
      "The monitoring URL may serve another log's checkpoint, or the log ID in the log list is wrong.",
    );
  }
  const r = new TlsReader(line.signature);
  const timestamp = r.u64("checkpoint timestamp");
  const signature = readDigitallySigned(r);
  r.expectEnd("RFC6962NoteSignature");
  return { origin: note.origin, treeSize: note.treeSize, rootHash: note.rootHash, timestamp, signature };
}

/** Opens and verifies a checkpoint with the log's public key; throws CT_CHECKPOINT_SIGNATURE_INVALID. */
export function verifyCheckpoint(
  text: string,
  opts: { publicKey: PublicKeyInput; origin?: string },
): Checkpoint {
  const cp = openCheckpoint(text, { logId: logIdFromKey(opts.publicKey), origin: opts.origin });
  if (!verifyTreeHeadSignature(cp, cp.signature, opts.publicKey)) {
    throw new CertwatchError(
      "CT_CHECKPOINT_SIGNATURE_INVALID",
      `Checkpoint for ${cp.origin} (size ${cp.treeSize}) has a bad signature`,
      "Do not trust this tree head; retry later and alert if it persists.",
    );
  }
  return cp;
}
