// crt.sh as a second source and for backfill: its JSON API, post-filtered and truncation-aware.
export { CrtshClient, type CrtshOptions, type CrtshResult } from "./crtsh-client";
export {
  CRTSH_ROW_LIMIT,
  type CrtshRecord,
  type CrtshRow,
  isTruncated,
  parseCrtshRows,
  toRecords,
} from "./rows";
