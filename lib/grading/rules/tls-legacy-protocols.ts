import type { GradingRule } from "../types";
import { finding, listOf, protocolLabel } from "./finding";

/** Blog 2018-11-19, live 2020-01-31 (2009q): TLS 1.0 / 1.1 cap at B. */
export const tlsLegacyProtocols: GradingRule = ({ supported }) => {
  const legacy = supported.filter((p) => p === "TLSv1.0" || p === "TLSv1.1");
  if (legacy.length === 0) return null;
  return finding(
    "B",
    `This server supports ${listOf(legacy.map(protocolLabel))}. Grade capped to B.`,
    "legacy-protocols",
  );
};
