import type { GradingRule } from "../types";
import { finding, listOf } from "./finding";

/** SSL Labs, October 2014 (POODLE): CBC suites over SSL 3.0 cap at C. */
export const ssl3PoodleCbc: GradingRule = ({ supported, suites }) => {
  if (!supported.includes("SSLv3")) return null;
  const cbc = suites.filter((s) => s.protocol === "SSLv3" && s.cbc);
  if (cbc.length === 0) return null;
  return finding(
    "C",
    `This server is vulnerable to the POODLE attack: it uses CBC suites over SSL 3.0 (${listOf(cbc.map((s) => s.name))}). Grade capped to C.`,
    "legacy-protocols",
  );
};
