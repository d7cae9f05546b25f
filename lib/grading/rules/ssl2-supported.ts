import type { GradingRule } from "../types";
import { finding } from "./finding";

/** RG 2009c: SSL 2.0 is broken beyond repair. */
export const ssl2Supported: GradingRule = ({ supported }) =>
  supported.includes("SSLv2")
    ? finding("F", "This server supports SSL 2.0, which is insecure. Grade set to F.", "legacy-protocols")
    : null;
