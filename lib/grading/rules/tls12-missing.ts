import type { GradingRule } from "../types";
import { finding } from "./finding";

/**
 * Blog 2015-05-22: no TLS 1.2 caps at C. A TLS 1.3-only server (Mozilla "modern") has something better,
 * so the rule reads "nothing as good as TLS 1.2".
 */
export const tls12Missing: GradingRule = ({ supported }) =>
  supported.includes("TLSv1.2") || supported.includes("TLSv1.3")
    ? null
    : finding("C", "This server does not support TLS 1.2. Grade capped to C.", "enable-tls12");
