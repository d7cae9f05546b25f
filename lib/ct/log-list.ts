import { z } from "zod";
import { CertwatchError } from "@/lib/errors";

/** Log list v3 (Google, Apple, Mozilla and crt.sh publish this schema); unknown fields are ignored. */

export const LOG_STATES = ["pending", "qualified", "usable", "readonly", "retired", "rejected"] as const;
export type LogState = (typeof LOG_STATES)[number];

export interface CtLog {
  kind: "rfc6962" | "static";
  operator: string;
  description: string;
  /** Base64 SHA-256 of the key (RFC 6962 §3.2). */
  logId: string;
  /** Base64 DER SubjectPublicKeyInfo. */
  key: string;
  mmd: number;
  /** RFC 6962 logs only. */
  url: string | null;
  /** Static-ct-api logs only. */
  submissionUrl: string | null;
  monitoringUrl: string | null;
  state: LogState | null;
  stateSince: Date | null;
  finalTreeHead: { treeSize: number; rootHash: string } | null;
  temporalInterval: { startInclusive: Date; endExclusive: Date } | null;
  logType: string | null;
}

export interface LogList {
  version: string | null;
  timestamp: Date | null;
  isAllLogs: boolean;
  logs: CtLog[];
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const StateBody = z.object({
  timestamp: date,
  final_tree_head: z.object({ sha256_root_hash: b64, tree_size: z.number().int().nonnegative() }).optional(),
});
// Google's and Apple's lists hold exactly one state; Mozilla's converted list keeps the history.
const State = z.partialRecord(z.enum(LOG_STATES), StateBody);
const LogCommon = {
  description: z.string().default(""),
  log_id: b64,
  key: b64,
  mmd: z.number().int().nonnegative().default(86_400),
  state: State.optional(),
  temporal_interval: z.object({ start_inclusive: date, end_exclusive: date }).optional(),
  log_type: z.string().optional(),
};
// Mozilla's list leaves URLs empty; such logs parse but are never selected for tailing.
const url = z.union([z.literal(""), z.url({ protocol: /^https?$/ })]).transform((u) => u || null);
const Rfc6962Log = z.object({ ...LogCommon, url });
const TiledLog = z.object({ ...LogCommon, submission_url: url, monitoring_url: url });
const Operator = z.object({
  name: z.string(),
  logs: z.array(Rfc6962Log).default([]),
  tiled_logs: z.array(TiledLog).default([]),
});
const LogListJson = z.object({
  version: z.string().optional(),
  log_list_timestamp: date.optional(),
  is_all_logs: z.boolean().optional(),
  operators: z.array(Operator),
});

type LogJson = z.infer<typeof Rfc6962Log> | z.infer<typeof TiledLog>;

type StateJson = z.infer<typeof StateBody>;

/** The latest state when a list keeps several. */
function currentState(states: Partial<Record<LogState, StateJson>>): [LogState | null, StateJson | null] {
  let best: [LogState | null, StateJson | null] = [null, null];
  for (const [k, v] of Object.entries(states) as [LogState, StateJson][]) {
    if (!best[1] || v.timestamp >= best[1].timestamp) best = [k, v];
  }
  return best;
}

function toCtLog(operator: string, l: LogJson): CtLog {
  const [state, body] = currentState(l.state ?? {});
  const fth = body?.final_tree_head;
  return {
    kind: "url" in l ? "rfc6962" : "static",
    operator,
    description: l.description,
    logId: l.log_id,
    key: l.key,
    mmd: l.mmd,
    url: "url" in l ? l.url : null,
    submissionUrl: "submission_url" in l ? l.submission_url : null,
    monitoringUrl: "monitoring_url" in l ? l.monitoring_url : null,
    state,
    stateSince: body?.timestamp ?? null,
    finalTreeHead: fth ? { treeSize: fth.tree_size, rootHash: fth.sha256_root_hash } : null,
    temporalInterval: l.temporal_interval
      ? {
          startInclusive: l.temporal_interval.start_inclusive,
          endExclusive: l.temporal_interval.end_exclusive,
        }
      : null,
    logType: l.log_type ?? null,
  };
}

/** Parses a log list from its bytes, text or already-decoded JSON. */
export function parseLogList(input: Uint8Array | string | unknown): LogList {
  let json: unknown = input;
  try {
    if (input instanceof Uint8Array) json = JSON.parse(Buffer.from(input).toString("utf8"));
    else if (typeof input === "string") json = JSON.parse(input);
  } catch (cause) {
    throw new CertwatchError("CT_LOG_LIST_INVALID", "Log list is not JSON", null, { cause });
  }
  const parsed = LogListJson.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CertwatchError(
      "CT_LOG_LIST_INVALID",
      `Log list does not match the v3 schema at ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`,
      "Point the log list URL at a v3 list (e.g. https://www.gstatic.com/ct/log_list/v3/log_list.json).",
    );
  }
  const d = parsed.data;
  return {
    version: d.version ?? null,
    timestamp: d.log_list_timestamp ?? null,
    isAllLogs: d.is_all_logs ?? false,
    logs: d.operators.flatMap((op) => [...op.logs, ...op.tiled_logs].map((l) => toCtLog(op.name, l))),
  };
}
