import { isModernProtocol } from "../reference-clients";
import type { GradingRule } from "../types";
import { describeHandshakes, finding } from "./finding";

/** Blog 2015-05-22: RC4 used with TLS 1.1 or newer caps at C (judged like 3DES, GRADING.md §5). */
export const rc4ModernProtocol: GradingRule = ({ reference }) => {
  const bad = reference.handshakes.filter((h) => h.suite.rc4 && isModernProtocol(h.protocol));
  if (bad.length === 0) return null;
  const reason =
    reference.source === "simulations"
      ? `Reference browsers negotiate RC4 over TLS 1.1 or newer (${describeHandshakes(bad)}). Grade capped to C.`
      : "This server offers RC4 over TLS 1.1 or newer. Grade capped to C.";
  return finding("C", reason, "weak-ciphers");
};
