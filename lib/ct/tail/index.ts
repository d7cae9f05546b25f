// The CT tailer: verified download of one log at a time, with JSON-serialisable state.

export { type KeyedSighting, spkiSha256Of } from "./entry-spki";
export { emptyTailState, headJson, initialTailState, parseTailState, type TailState } from "./state";
export { type PassInfo, type TailOptions, type TailResult, tailLog } from "./tail-log";
