import { createPublicKey, verify } from "node:crypto";
import { CertwatchError } from "@/lib/errors";
import type { CtLog, LogList } from "./log-list";
import { logIdFromKey } from "./signatures";

const TAILABLE = new Set(["qualified", "usable", "readonly"]);

/** Shards whose interval is over hold only expired certificates; tailing them finds nothing new. */
export function intervalOver(log: CtLog, now: Date): boolean {
  return log.temporalInterval !== null && now.getTime() >= log.temporalInterval.endExclusive.getTime();
}

export function logIdMatchesKey(log: CtLog): boolean {
  try {
    return logIdFromKey(log.key).toString("base64") === log.logId;
  } catch {
    return false;
  }
}

/**
 * Logs worth tailing now: qualified, usable or readonly, shard not over, not test logs, and a log ID
 * that really is the key's hash. Logs in several lists (Chrome ∪ Apple, as certspotter) appear once.
 */
export function selectLogsToTail(lists: LogList | LogList[], now: Date): CtLog[] {
  const seen = new Set<string>();
  const out: CtLog[] = [];
  for (const list of Array.isArray(lists) ? lists : [lists]) {
    for (const log of list.logs) {
      if (seen.has(log.logId) || log.state === null || !TAILABLE.has(log.state)) continue;
      if (log.logType === "test" || intervalOver(log, now) || !logIdMatchesKey(log)) continue;
      if ((log.kind === "rfc6962" ? log.url : log.monitoringUrl) === null) continue;
      seen.add(log.logId);
      out.push(log);
    }
  }
  return out;
}

/** Google's detached signature: RSA PKCS#1 v1.5 with SHA-256 over the exact file bytes. */
export function verifyLogListSignature(
  bytes: Uint8Array,
  signature: Uint8Array,
  publicKeyPem: string,
): boolean {
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (cause) {
    throw new CertwatchError("CT_BAD_KEY", "Log list public key is not a PEM public key", null, { cause });
  }
  try {
    return verify("sha256", bytes, key, signature);
  } catch {
    return false;
  }
}
