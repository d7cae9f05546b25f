import type { GradingRule } from "../types";
import { finding } from "./finding";

/**
 * F, not T: revoked keys are likely compromised (ssllabs-scan #504, #248, on purpose). Revocation is a
 * trust property, so the registry marks this rule as trust: the trust-ignored grade leaves it out.
 */
export const certificateRevoked: GradingRule = ({ assessment }) => {
  const r = assessment.revocation;
  if (r?.status !== "revoked") return null;
  const why = r.reason ? ` (reason: ${r.reason})` : "";
  return finding("F", `This server's certificate has been revoked${why}. Grade set to F.`, "replace-revoked");
};
