import type { Operation } from "../operation";
import * as accounts from "./accounts";
import * as alerts from "./alerts";
import * as certificates from "./certificates";
import * as channels from "./channels";
import * as ct from "./ct";
import * as endpoints from "./endpoints";
import * as meta from "./meta";

function operationsOf(mod: Record<string, unknown>): Operation[] {
  return Object.values(mod).filter(
    (v): v is Operation => typeof v === "object" && v !== null && "method" in v && "path" in v && "id" in v,
  );
}

/**
 * Every documented operation. A new area (domains, alerts, channels) adds its operations file here; the
 * API test fails for any route under app/api/v1 that is missing from the document.
 */
export const OPERATIONS: Operation[] = [
  endpoints,
  certificates,
  accounts,
  meta,
  channels,
  alerts,
  ct,
].flatMap(operationsOf);
