// The CT formats layer: parsing, matching, Merkle proofs and signatures, with no I/O.
// HTTP clients, the tailer and its state build on these exports; fake logs use the building side.

export type { Checkpoint, CheckpointNote, NoteSignature } from "./checkpoint";
export { checkpointKeyId, openCheckpoint, parseCheckpointNote, verifyCheckpoint } from "./checkpoint";
export { CompactTree, type CompactTreeState } from "./compact-tree";
export { UNPARSABLE } from "./der-names";
export {
  encodeExtraData,
  encodeLeafInput,
  encodeTileLeaf,
  encodeTimestampedEntry,
  leafIndexExtension,
} from "./encode";
export { type CertificateFacts, describeCertificate, examineEntry } from "./entry-examine";
export type { MalformedEntry, ProcessResult, Sighting } from "./entry-pipeline";
export { processRfc6962Entries, processTile, type RawEntry } from "./entry-pipeline";
export { addCommonName, addDnsSan, addIpSan, type Identifiers, newIdentifiers } from "./identifiers";
export { type CtLog, LOG_STATES, type LogList, type LogState, parseLogList } from "./log-list";
export { intervalOver, logIdMatchesKey, selectLogsToTail, verifyLogListSignature } from "./log-selection";
export {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  merkleTreeHash,
  nodeHash,
} from "./merkle";
export { verifyConsistency, verifyInclusion } from "./merkle-verify";
export type { EntryType, ExtraData, SignedEntry, TimestampedEntry } from "./rfc6962-entry";
export { parseCtExtensions, parseExtraData, parseLeafInput } from "./rfc6962-entry";
export {
  type DigitallySigned,
  logIdFromKey,
  parseDigitallySigned,
  type TreeHead,
  toPublicKey,
  treeHeadSignedInput,
  verifyTreeHeadSignature,
} from "./signatures";
export { signCheckpoint, signSth, signTreeHead } from "./signing";
export { parseGetSth, type SignedTreeHead, verifySth } from "./sth";
export {
  iterateDataTile,
  leafHashOfTimestampedEntry,
  MAX_TILE_WIDTH,
  parseDataTile,
  type TileLeaf,
} from "./tile-leaf";
export { malformed, TlsReader } from "./tls-reader";
export { matchEntry, parseWatchItem, type WatchInput, type WatchItem, Watchlist } from "./watchlist";
