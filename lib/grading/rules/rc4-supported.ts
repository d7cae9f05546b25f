import type { GradingRule } from "../types";
import { finding, listOf } from "./finding";

/** testssl: RC4 offered at all caps at B. */
export const rc4Supported: GradingRule = ({ suites }) => {
  const rc4 = suites.filter((s) => s.rc4);
  if (rc4.length === 0) return null;
  return finding(
    "B",
    `This server supports the RC4 cipher, which is insecure (${listOf(rc4.map((s) => s.name))}). Grade capped to B.`,
    "weak-ciphers",
  );
};
