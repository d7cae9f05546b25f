import type { GradingRule } from "../types";
import { finding, listOf } from "./finding";

/** NULL encryption sends data in clear text: under 112 bits, F. */
export const nullSuites: GradingRule = ({ suites }) => {
  const bad = suites.filter((s) => s.nullCipher);
  if (bad.length === 0) return null;
  return finding(
    "F",
    `This server supports NULL cipher suites, which do not encrypt: ${listOf(bad.map((s) => s.name))}. Grade set to F.`,
    "broken-ciphers",
  );
};
