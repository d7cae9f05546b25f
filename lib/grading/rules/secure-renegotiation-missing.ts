import type { GradingRule } from "../types";
import { finding } from "./finding";

/** Blog 2014-01-21: no RFC 5746 secure renegotiation is a warning (A → A-). */
export const secureRenegotiationMissing: GradingRule = ({ assessment }) =>
  assessment.secureRenegotiation === false
    ? finding(
        "warning",
        "This server does not support secure renegotiation (RFC 5746). Grade reduced to A-.",
        "secure-renegotiation",
      )
    : null;
