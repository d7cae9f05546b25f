import type { GradingRule } from "../types";
import { describeHandshakes, finding } from "./finding";

/**
 * Blog 2018-02-02 (live 2018-03-01): "We will not penalize sites that use suites without forward secrecy
 * provided they are never negotiated with clients that can do better." Every reference client offers
 * ECDHE, so one reference handshake without FS caps at B. Without simulations we can only tell whether
 * any FS suite is offered at all (testssl's reading).
 */
export const noForwardSecrecy: GradingRule = ({ reference }) => {
  if (reference.source === "simulations") {
    const bad = reference.handshakes.filter((h) => !h.suite.forwardSecrecy);
    if (bad.length === 0) return null;
    return finding(
      "B",
      `This server does not support forward secrecy with the reference browsers (${describeHandshakes(bad)}). Grade capped to B.`,
      "forward-secrecy",
    );
  }
  if (reference.handshakes.some((h) => h.suite.forwardSecrecy)) return null;
  return finding(
    "B",
    "This server offers no forward secrecy (ECDHE or DHE) suites. Grade capped to B.",
    "forward-secrecy",
  );
};
