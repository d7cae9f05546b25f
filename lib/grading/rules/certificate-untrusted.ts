import type { GradingRule } from "../types";
import { finding, listOf } from "./finding";

// Graded by their own rules (key size → B/F, SHA-1 → T, MD5 → F): OpenSSL's security level rejects
// RSA-1024 where SSL Labs only caps at B (GRADING.md §7), so these must not become a T here.
const GRADED_ELSEWHERE = new Set(["EE_KEY_TOO_SMALL", "CA_KEY_TOO_SMALL", "CA_MD_TOO_WEAK"]);
// A missing intermediate is the chain-incomplete rule's finding (B or T).
const MISSING_INTERMEDIATE = new Set([
  "INCOMPLETE_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
]);

// lib/x509 path-building codes first, then Node / OpenSSL authorizationError codes.
const WORDS: Record<string, string> = {
  SELF_SIGNED: "the certificate is self-signed",
  UNTRUSTED_ROOT: "the chain ends in a root that is not trusted",
  UNKNOWN_ISSUER: "it is issued by an unknown CA",
  BAD_SIGNATURE: "a signature in the chain does not verify",
  INVALID_CA: "a certificate in the chain is not a CA",
  EXPIRED: "the certificate has expired",
  NOT_YET_VALID: "the certificate is not valid yet",
  CERT_HAS_EXPIRED: "the certificate has expired",
  CERT_NOT_YET_VALID: "the certificate is not valid yet",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the chain ends in a root that is not trusted",
  INVALID_PURPOSE: "the certificate is not valid for TLS servers",
};

/** RG: expired, not yet valid, self-signed, unknown CA, wrong EKU, distrusted CA → T. */
export const certificateUntrusted: GradingRule = ({ assessment }) => {
  const { chain, certificate } = assessment;
  const problems: string[] = [];
  if (chain?.trusted === false) {
    const { code, message } = splitTrustError(chain.trustError);
    const incompleteOnly = chain.complete === false && (code === null || MISSING_INTERMEDIATE.has(code));
    if (!incompleteOnly && !(code && GRADED_ELSEWHERE.has(code))) {
      problems.push(
        message ?? (code ? (WORDS[code] ?? `verification failed (${code})`) : "verification failed"),
      );
    }
  }
  if (certificate && certificate.daysRemaining < 0 && problems.length === 0) problems.push(WORDS.EXPIRED!);
  if (certificate?.serverAuthEku === false) problems.push(WORDS.INVALID_PURPOSE!);
  if (problems.length === 0) return null;
  return finding(
    "T",
    `This server's certificate is not trusted: ${listOf(problems)}. Grade set to T.`,
    "trusted-certificate",
  );
};

/** lib/assessment stores "CODE: human message"; Node-style values are a bare code. */
function splitTrustError(raw: string | null): { code: string | null; message: string | null } {
  if (!raw) return { code: null, message: null };
  const m = raw.match(/^([A-Z0-9_]+)(?::\s*(.+))?$/s);
  if (!m) return { code: null, message: raw };
  return { code: m[1]!, message: m[2] ? lowerFirst(m[2]) : null };
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
