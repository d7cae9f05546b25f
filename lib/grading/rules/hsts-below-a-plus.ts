import type { GradingRule } from "../types";
import { finding } from "./finding";

/** RG 2009e / testssl HSTS_MIN: A+ needs HSTS for at least 180 days. Not a warning: it only blocks A+. */
export const HSTS_A_PLUS_MIN_AGE = 15_552_000;

export const hstsBelowAPlus: GradingRule = ({ assessment }) => {
  const hsts = assessment.hsts;
  if (hsts && (hsts.maxAge >= HSTS_A_PLUS_MIN_AGE || hsts.maxAge <= 0)) return null;
  const what = hsts ? `HSTS with max-age=${hsts.maxAge}, shorter than 180 days` : "no HSTS header";
  return finding(
    "A",
    `This server sends ${what}; A+ needs max-age of at least ${HSTS_A_PLUS_MIN_AGE} seconds. Grade capped to A.`,
    "hsts-a-plus",
  );
};
