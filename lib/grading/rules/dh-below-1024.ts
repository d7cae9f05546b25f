import { weakestDhBits } from "../scores";
import type { GradingRule } from "../types";
import { finding } from "./finding";

/** RG change 2014-12-08 (quoted in ssllabs-scan #942): DH parameters under 1024 bits are an F. */
export const dhBelow1024: GradingRule = ({ assessment }) => {
  const bits = weakestDhBits(assessment);
  if (bits === null || bits >= 1024) return null;
  return finding(
    "F",
    `This server uses ${bits}-bit Diffie-Hellman parameters, which are insecure (Logjam). Grade set to F.`,
    "dh-parameters",
  );
};
