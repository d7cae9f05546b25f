import type { GradingRule } from "../types";
import { finding } from "./finding";

/**
 * RG 2009i, live text in ssllabs-scan #921: a chain that is only complete after fetching the intermediate
 * from the leaf's AIA caIssuers URL caps at B. If even that fails, clients cannot build a path: T.
 */
export const chainIncomplete: GradingRule = ({ assessment }) => {
  const chain = assessment.chain;
  if (chain?.complete !== false) return null;
  if (chain.trusted) {
    return finding("B", "This server's certificate chain is incomplete. Grade capped to B.", "full-chain");
  }
  // An unknown issuer with no caIssuers URL is as likely an untrusted (private) root as a missing
  // intermediate: certificate-untrusted names it, rather than this rule guessing "incomplete".
  if (chain.trustError?.startsWith("UNKNOWN_ISSUER")) return null;
  return finding(
    "T",
    "This server's certificate chain is incomplete and the missing intermediate could not be fetched from the certificate's AIA URL, so it is not trusted. Grade set to T.",
    "full-chain",
  );
};
