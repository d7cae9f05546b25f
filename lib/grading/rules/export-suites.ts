import type { GradingRule } from "../types";
import { finding, listOf } from "./finding";

/** testssl (FREAK); also under 112 bits. */
export const exportSuites: GradingRule = ({ suites }) => {
  const bad = suites.filter((s) => s.export);
  if (bad.length === 0) return null;
  return finding(
    "F",
    `This server supports EXPORT cipher suites (FREAK, Logjam): ${listOf(bad.map((s) => s.name))}. Grade set to F.`,
    "broken-ciphers",
  );
};
