import { isModernProtocol } from "../reference-clients";
import type { GradingRule } from "../types";
import { capitalize, describeHandshakes, finding } from "./finding";

/**
 * Blogs 2016-11-16 and 2017-01-18: 3DES or another 64-bit block cipher negotiated over TLS 1.1+ caps
 * at C. "Sites that continue to support 3DES and keep it at the end of their ordered list of suites will
 * not be affected", hence reference handshakes; without them, any such suite offered over TLS 1.1+.
 */
export const block64ModernProtocol: GradingRule = ({ reference }) => {
  const bad = reference.handshakes.filter((h) => h.suite.block64 && isModernProtocol(h.protocol));
  if (bad.length === 0) return null;
  const what =
    reference.source === "simulations"
      ? `reference browsers negotiate a 64-bit block cipher (SWEET32) over TLS 1.1 or newer (${describeHandshakes(bad)})`
      : "this server offers a 64-bit block cipher (3DES, DES, IDEA; SWEET32) over TLS 1.1 or newer";
  return finding("C", `${capitalize(what)}. Grade capped to C.`, "weak-ciphers");
};
