import type { GradingRule } from "../types";
import { describeHandshakes, finding } from "./finding";

/**
 * Blog 2018-02-02: "we will not penalize sites if they continue to use non-AEAD suites provided AEAD
 * suites are negotiated with clients that support them." Every reference client supports AEAD, so one
 * reference handshake without AEAD caps at B (B, not A-: live text in ssllabs-scan #587, #813, #822).
 */
export const noAead: GradingRule = ({ reference }) => {
  if (reference.source === "simulations") {
    const bad = reference.handshakes.filter((h) => !h.suite.aead);
    if (bad.length === 0) return null;
    return finding(
      "B",
      `This server does not support authenticated encryption (AEAD) cipher suites with the reference browsers (${describeHandshakes(bad)}). Grade capped to B.`,
      "aead",
    );
  }
  if (reference.handshakes.some((h) => h.suite.aead)) return null;
  return finding(
    "B",
    "This server does not support authenticated encryption (AEAD) cipher suites. Grade capped to B.",
    "aead",
  );
};
