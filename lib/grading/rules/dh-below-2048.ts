import { weakestDhBits } from "../scores";
import type { GradingRule } from "../types";
import { finding } from "./finding";

/** XML table (key exchange 80) and testssl: DH parameters from 1024 up to 2047 bits cap at B. */
export const dhBelow2048: GradingRule = ({ assessment }) => {
  const bits = weakestDhBits(assessment);
  if (bits === null || bits < 1024 || bits >= 2048) return null;
  return finding(
    "B",
    `This server supports weak Diffie-Hellman key exchange (${bits}-bit parameters). Grade capped to B.`,
    "dh-parameters",
  );
};
