import type { GradingRule } from "../types";
import { finding } from "./finding";

/** RG 2009r (testssl PR #2830): without TLS 1.3 the best grade is A-. */
export const tls13Missing: GradingRule = ({ supported }) =>
  supported.includes("TLSv1.3")
    ? null
    : finding("warning", "This server does not support TLS 1.3. Grade reduced to A-.", "enable-tls13");
