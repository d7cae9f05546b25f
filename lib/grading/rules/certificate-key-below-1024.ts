import type { GradingRule } from "../types";
import { describeKey } from "./certificates";
import { finding } from "./finding";

/** Blog 2014-01-21 (2009e): a certificate key weaker than RSA 1024 (key exchange score ≤ 40) is an F. */
export const certificateKeyBelow1024: GradingRule = ({ assessment, scores }) => {
  if (!assessment.certificate || scores.certificateKey === null || scores.certificateKey > 40) return null;
  return finding(
    "F",
    `This server's certificate key (${describeKey(assessment.certificate)}) is weaker than RSA 1024 bits. Grade set to F.`,
    "certificate-key",
  );
};
