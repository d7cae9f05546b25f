import type { GradingRule } from "../types";
import { finding, listOf } from "./finding";

// Graded by their own rules (key size → B/F, SHA-1 → T, MD5 → F): OpenSSL's security level rejects
// RSA-1024 where SSL Labs only caps at B (GRADING.md §7), so these must not become a T here.
const GRADED_ELSEWHERE = new Set(["EE_KEY_TOO_SMALL", "CA_KEY_TOO_SMALL", "CA_MD_TOO_WEAK"]);
// A missing issuer with an incomplete chain is the chain-incomplete rule's T.
const MISSING_ISSUER = new Set([
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
]);

const WORDS: Record<string, string> = {
  CERT_HAS_EXPIRED: "the certificate has expired",
  CERT_NOT_YET_VALID: "the certificate is not valid yet",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the chain ends in a root that is not trusted",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "it is issued by an unknown CA",
  INVALID_PURPOSE: "the certificate is not valid for TLS servers",
  CERT_UNTRUSTED: "the certificate is not trusted",
  CERT_REJECTED: "the certificate is rejected by the trust store",
};

/** RG: expired, not yet valid, self-signed, unknown CA, wrong EKU, distrusted CA → T. */
export const certificateUntrusted: GradingRule = ({ assessment }) => {
  const { chain, certificate } = assessment;
  const problems: string[] = [];
  if (chain?.trusted === false) {
    const code = chain.trustError;
    const incompleteOnly = chain.complete === false && (code === null || MISSING_ISSUER.has(code));
    if (!incompleteOnly && !(code && GRADED_ELSEWHERE.has(code))) {
      problems.push(code ? (WORDS[code] ?? `verification failed (${code})`) : "verification failed");
    }
  }
  if (certificate && certificate.daysRemaining < 0) problems.push(WORDS.CERT_HAS_EXPIRED!);
  if (certificate?.serverAuthEku === false) problems.push(WORDS.INVALID_PURPOSE!);
  if (problems.length === 0) return null;
  return finding(
    "T",
    `This server's certificate is not trusted: ${listOf(problems)}. Grade set to T.`,
    "trusted-certificate",
  );
};
