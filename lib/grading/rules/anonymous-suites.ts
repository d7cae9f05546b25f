import type { GradingRule } from "../types";
import { finding, listOf } from "./finding";

/** XML table: anonymous key exchange scores 0 and allows trivial man-in-the-middle attacks. */
export const anonymousSuites: GradingRule = ({ suites }) => {
  const bad = suites.filter((s) => s.anonymous);
  if (bad.length === 0) return null;
  return finding(
    "F",
    `This server supports anonymous (unauthenticated) key exchange: ${listOf(bad.map((s) => s.name))}. Grade set to F.`,
    "broken-ciphers",
  );
};
