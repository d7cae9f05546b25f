import type { GradingRule } from "../types";
import { finding } from "./finding";

/** RG 2009r: an HSTS header with max-age=0 switches HSTS off: warning (A → A-). */
export const hstsInvalid: GradingRule = ({ assessment }) =>
  assessment.hsts && assessment.hsts.maxAge <= 0
    ? finding(
        "warning",
        "This server sends HSTS with max-age=0, which turns HSTS off. Grade reduced to A-.",
        "hsts-invalid",
      )
    : null;
