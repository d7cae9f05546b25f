import type { GradingRule } from "../types";
import { anonymousSuites } from "./anonymous-suites";
import { block64ModernProtocol } from "./block64-modern-protocol";
import { certificateKeyBelow1024 } from "./certificate-key-below-1024";
import { certificateKeyBelow2048 } from "./certificate-key-below-2048";
import { certificateRevoked } from "./certificate-revoked";
import { certificateUntrusted } from "./certificate-untrusted";
import { chainIncomplete } from "./chain-incomplete";
import { cipherBelow112Bits } from "./cipher-below-112-bits";
import { dhBelow1024 } from "./dh-below-1024";
import { dhBelow2048 } from "./dh-below-2048";
import { exportSuites } from "./export-suites";
import { hstsBelowAPlus } from "./hsts-below-a-plus";
import { hstsInvalid } from "./hsts-invalid";
import { nameMismatch } from "./name-mismatch";
import { noAead } from "./no-aead";
import { noForwardSecrecy } from "./no-forward-secrecy";
import { nullSuites } from "./null-suites";
import { rc4ModernProtocol } from "./rc4-modern-protocol";
import { rc4Supported } from "./rc4-supported";
import { secureRenegotiationMissing } from "./secure-renegotiation-missing";
import { sha1InChain } from "./sha1-in-chain";
import { ssl2Supported } from "./ssl2-supported";
import { ssl3BestProtocol } from "./ssl3-best-protocol";
import { ssl3PoodleCbc } from "./ssl3-poodle-cbc";
import { ssl3Supported } from "./ssl3-supported";
import { tlsCompression } from "./tls-compression";
import { tlsLegacyProtocols } from "./tls-legacy-protocols";
import { tls12Missing } from "./tls12-missing";
import { tls13Missing } from "./tls13-missing";
import { weakSignatureMd5 } from "./weak-signature-md5";

export type RuleId =
  | "ssl2-supported"
  | "ssl3-supported"
  | "ssl3-best-protocol"
  | "ssl3-poodle-cbc"
  | "tls-legacy-protocols"
  | "tls12-missing"
  | "tls13-missing"
  | "no-forward-secrecy"
  | "no-aead"
  | "block64-modern-protocol"
  | "rc4-modern-protocol"
  | "rc4-supported"
  | "cipher-below-112-bits"
  | "export-suites"
  | "null-suites"
  | "anonymous-suites"
  | "certificate-key-below-1024"
  | "certificate-key-below-2048"
  | "dh-below-1024"
  | "dh-below-2048"
  | "weak-signature-md5"
  | "sha1-in-chain"
  | "certificate-revoked"
  | "chain-incomplete"
  | "certificate-untrusted"
  | "name-mismatch"
  | "secure-renegotiation-missing"
  | "hsts-invalid"
  | "hsts-below-a-plus"
  | "tls-compression";

export interface RuleEntry {
  check: GradingRule;
  /** "trust" findings are left out of the trust-ignored grade (T and M effects always are). */
  scope: "configuration" | "trust";
}

const config = (check: GradingRule): RuleEntry => ({ check, scope: "configuration" });
const trust = (check: GradingRule): RuleEntry => ({ check, scope: "trust" });

/** Every cap, F rule and warning of GRADING.md §3 that our facts can decide; the record type keeps it exhaustive. */
export const RULES: Readonly<Record<RuleId, RuleEntry>> = {
  "ssl2-supported": config(ssl2Supported),
  "ssl3-supported": config(ssl3Supported),
  "ssl3-best-protocol": config(ssl3BestProtocol),
  "ssl3-poodle-cbc": config(ssl3PoodleCbc),
  "tls-legacy-protocols": config(tlsLegacyProtocols),
  "tls12-missing": config(tls12Missing),
  "tls13-missing": config(tls13Missing),
  "no-forward-secrecy": config(noForwardSecrecy),
  "no-aead": config(noAead),
  "block64-modern-protocol": config(block64ModernProtocol),
  "rc4-modern-protocol": config(rc4ModernProtocol),
  "rc4-supported": config(rc4Supported),
  "cipher-below-112-bits": config(cipherBelow112Bits),
  "export-suites": config(exportSuites),
  "null-suites": config(nullSuites),
  "anonymous-suites": config(anonymousSuites),
  "certificate-key-below-1024": config(certificateKeyBelow1024),
  "certificate-key-below-2048": config(certificateKeyBelow2048),
  "dh-below-1024": config(dhBelow1024),
  "dh-below-2048": config(dhBelow2048),
  "weak-signature-md5": config(weakSignatureMd5),
  "sha1-in-chain": trust(sha1InChain),
  "certificate-revoked": trust(certificateRevoked),
  "chain-incomplete": config(chainIncomplete),
  "certificate-untrusted": trust(certificateUntrusted),
  "name-mismatch": trust(nameMismatch),
  "secure-renegotiation-missing": config(secureRenegotiationMissing),
  "hsts-invalid": config(hstsInvalid),
  "hsts-below-a-plus": config(hstsBelowAPlus),
  "tls-compression": config(tlsCompression),
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];
