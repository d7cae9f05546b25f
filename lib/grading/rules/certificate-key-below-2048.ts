import type { GradingRule } from "../types";
import { describeKey } from "./certificates";
import { finding } from "./finding";

/** Blog 2014-01-21: a key weaker than RSA 2048 (score 80) caps at B; weaker than 1024 is an F instead. */
export const certificateKeyBelow2048: GradingRule = ({ assessment, scores }) => {
  if (!assessment.certificate || scores.certificateKey !== 80) return null;
  return finding(
    "B",
    `This server's certificate key (${describeKey(assessment.certificate)}) is weaker than RSA 2048 bits. Grade capped to B.`,
    "certificate-key",
  );
};
