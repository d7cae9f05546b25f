import type { GradingRule } from "../types";
import { describeHandshakes, finding } from "./finding";

/**
 * Blog 2018-02-02 (live 2018-03-01): no forward secrecy caps at B, but "we will not penalize sites that
 * use suites without forward secrecy provided they are never negotiated with clients that can do
 * better". So: B when no FS suite is offered at all, or when a reference client that shares an FS suite
 * with the server still ends up without FS. Without simulations only the first test is possible.
 */
export const noForwardSecrecy: GradingRule = ({ reference, suites }) => {
  if (!suites.some((s) => s.forwardSecrecy)) {
    return finding(
      "B",
      "This server offers no forward secrecy (ECDHE or DHE) suites. Grade capped to B.",
      "forward-secrecy",
    );
  }
  if (reference.source === "support") return null;
  const bad = reference.handshakes.filter((h) => !h.suite.forwardSecrecy && h.couldDoBetter.forwardSecrecy);
  if (bad.length === 0) return null;
  return finding(
    "B",
    `This server does not support forward secrecy with the reference browsers (${describeHandshakes(bad)}). Grade capped to B.`,
    "forward-secrecy",
  );
};
