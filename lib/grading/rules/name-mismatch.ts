import type { GradingRule } from "../types";
import { finding } from "./finding";

/** SSL Labs API v3 grade "M": the certificate does not cover the name the client asked for. */
export const nameMismatch: GradingRule = ({ assessment }) => {
  if (assessment.chain?.hostnameMatch !== false) return null;
  const host = assessment.target.sni ?? assessment.target.host;
  return finding(
    "M",
    `This server's certificate does not match the name "${host}". Grade set to M.`,
    "name-match",
  );
};
