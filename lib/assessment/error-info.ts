import { isCertwatchError } from "@/lib/errors";
import type { ScanErrorInfo } from "./types";

export function errorInfo(e: unknown): ScanErrorInfo {
  if (isCertwatchError(e)) return { code: e.code, message: e.message, hint: e.hint };
  const message = e instanceof Error ? e.message : String(e);
  return { code: "INTERNAL_ERROR", message: `The scan failed unexpectedly: ${message}`, hint: null };
}
