import type { GradingRule } from "../types";
import { describeHandshakes, finding } from "./finding";

/**
 * Blog 2018-02-02: no AEAD caps at B (not A-: live text in ssllabs-scan #587, #813, #822), but "we will
 * not penalize sites if they continue to use non-AEAD suites provided AEAD suites are negotiated with
 * clients that support them". So: B when no AEAD suite is offered, or when a reference client sharing an
 * AEAD suite with the server still gets a non-AEAD one. Without simulations only the first test applies.
 */
export const noAead: GradingRule = ({ reference, suites }) => {
  if (!suites.some((s) => s.aead)) {
    return finding(
      "B",
      "This server does not support authenticated encryption (AEAD) cipher suites. Grade capped to B.",
      "aead",
    );
  }
  if (reference.source === "support") return null;
  const bad = reference.handshakes.filter((h) => !h.suite.aead && h.couldDoBetter.aead);
  if (bad.length === 0) return null;
  return finding(
    "B",
    `This server does not support authenticated encryption (AEAD) cipher suites with the reference browsers (${describeHandshakes(bad)}). Grade capped to B.`,
    "aead",
  );
};
