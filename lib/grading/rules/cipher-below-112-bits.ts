import type { GradingRule } from "../types";
import { finding, listOf } from "./finding";

/** Blog 2017-01-18: any suite under 112 bits is an F. NULL and EXPORT suites have their own rules. */
export const cipherBelow112Bits: GradingRule = ({ suites }) => {
  const weak = suites.filter((s) => s.bits < 112 && !s.nullCipher && !s.export);
  if (weak.length === 0) return null;
  return finding(
    "F",
    `This server supports suites weaker than 112 bits (${listOf(weak.map((s) => `${s.name}, ${s.bits} bits`))}). Grade set to F.`,
    "broken-ciphers",
  );
};
