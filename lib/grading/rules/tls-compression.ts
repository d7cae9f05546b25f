import type { GradingRule } from "../types";
import { finding } from "./finding";

/** testssl (CRIME): TLS compression caps at C (RG 2009c said B). */
export const tlsCompression: GradingRule = ({ assessment }) =>
  assessment.compression === true
    ? finding(
        "C",
        "This server supports TLS compression, which enables the CRIME attack. Grade capped to C.",
        "compression",
      )
    : null;
