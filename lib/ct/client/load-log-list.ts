import fs from "node:fs/promises";
import { CertwatchError } from "@/lib/errors";
import { fetchLimited } from "@/lib/http/fetch-limited";
import { type CtLog, type LogList, parseLogList } from "../log-list";
import { selectLogsToTail, verifyLogListSignature } from "../log-selection";

export interface LoadedLogList {
  source: string;
  list: LogList;
  tailed: CtLog[];
  signatureVerified: boolean;
}

const MAX_LIST = 16 * 1024 * 1024;

async function read(source: string, timeoutMs: number): Promise<Buffer> {
  if (!/^https?:\/\//i.test(source)) {
    try {
      return await fs.readFile(source);
    } catch (cause) {
      throw new CertwatchError("CT_LOG_LIST_UNAVAILABLE", `Cannot read the log list file ${source}`, null, {
        cause,
      });
    }
  }
  const res = await fetchLimited({ url: source, timeoutMs, maxBytes: MAX_LIST, maxRedirects: 0 });
  if (res.status !== 200) {
    throw new CertwatchError(
      "CT_LOG_LIST_UNAVAILABLE",
      `${source} answered HTTP ${res.status}`,
      "Check CERTWATCH_CT_LOG_LIST_URL, or point it at a local copy of the list.",
    );
  }
  return res.body;
}

/** Google's detached signature sits next to the list: …/all_logs_list.json → …/all_logs_list.sig. */
export function signatureSource(source: string): string {
  return `${source.replace(/\.json$/i, "")}.sig`;
}

/**
 * Loads a v3 log list from a URL or a file, checks its signature when a public key is given, and
 * selects the logs to tail now (states, temporal intervals, log type).
 */
export async function loadLogList(opts: {
  source: string;
  publicKeyPem?: string | null;
  now?: Date;
  timeoutMs?: number;
}): Promise<LoadedLogList> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const bytes = await read(opts.source, timeoutMs);
  let signatureVerified = false;
  if (opts.publicKeyPem) {
    const sig = await read(signatureSource(opts.source), timeoutMs);
    if (!verifyLogListSignature(bytes, sig, opts.publicKeyPem)) {
      throw new CertwatchError(
        "CT_LOG_LIST_SIGNATURE_INVALID",
        `The log list from ${opts.source} does not verify with the configured key`,
        "The list was refused; the previous one stays in use.",
      );
    }
    signatureVerified = true;
  }
  const list = parseLogList(bytes);
  return {
    source: opts.source,
    list,
    tailed: selectLogsToTail(list, opts.now ?? new Date()),
    signatureVerified,
  };
}
