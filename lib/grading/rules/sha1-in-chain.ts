import type { GradingRule } from "../types";
import { signedCertificates } from "./certificates";
import { finding, listOf } from "./finding";

/**
 * testssl practice ("Uses SHA1 algorithm"); browsers have refused SHA-1 signatures since 2017, so the
 * certificate is not trusted: T. The self-signed root is left out (see signedCertificates).
 */
export const sha1InChain: GradingRule = ({ assessment }) => {
  const bad = signedCertificates(assessment).filter((c) => c.signature?.hash === "sha1");
  if (bad.length === 0) return null;
  return finding(
    "T",
    `The certificate chain uses SHA-1 signatures (${listOf(bad.map((c) => c.label))}), which browsers no longer trust. Grade set to T.`,
    "signature-sha256",
  );
};
