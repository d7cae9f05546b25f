import type { GradingRule } from "../types";
import { signedCertificates } from "./certificates";
import { finding, listOf } from "./finding";

/** Blog 2014-01-21: an MD5 or MD2 certificate signature is an F. */
export const weakSignatureMd5: GradingRule = ({ assessment }) => {
  const bad = signedCertificates(assessment).filter(
    (c) => c.signature?.hash === "md5" || c.signature?.hash === "md2",
  );
  if (bad.length === 0) return null;
  return finding(
    "F",
    `The certificate chain uses MD5 or MD2 signatures (${listOf(bad.map((c) => c.label))}), which are broken. Grade set to F.`,
    "signature-sha256",
  );
};
