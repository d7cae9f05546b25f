import type { Assessment, CipherSuiteFacts, GradeLetter, ProtocolName } from "@/lib/assessment/types";

export type CriteriaVersion = "2009r";

/** How elliptic-curve sizes map onto the RSA-based key exchange table (GRADING.md §2). */
export type EcStrengthMapping = "testssl" | "nist";

export interface GradingOptions {
  /** Bits 3DES counts as in the cipher score. SSL Labs shows 112; Ivan Ristić said scoring used 168 (#38). */
  tripleDesBits?: 112 | 168;
  ecStrength?: EcStrengthMapping;
  criteria?: CriteriaVersion;
}

export type ResolvedGradingOptions = Required<GradingOptions>;

/** The A–F letters a cap can impose; "A" only blocks A+ (HSTS). */
export type CapLetter = "A" | "A-" | "B" | "C" | "D" | "E" | "F";

/** What a matching rule does: cap the letter, add a warning (A → A-), or set T / M. */
export type RuleEffect = CapLetter | "warning" | "T" | "M";

export interface RuleFinding {
  effect: RuleEffect;
  /** Plain words, ends with the consequence ("Grade capped to B."). */
  reason: string;
  /** Concrete configuration for nginx, Apache, Caddy, HAProxy and Node. */
  fix: string;
}

/** One suite with everything the rules ask about, decided once from its IANA (or OpenSSL) name. */
export interface ClassifiedSuite {
  protocol: ProtocolName;
  name: string;
  bits: number;
  rc4: boolean;
  tripleDes: boolean;
  /** 3DES, DES, IDEA, RC2: SWEET32-sized blocks. */
  block64: boolean;
  export: boolean;
  nullCipher: boolean;
  anonymous: boolean;
  cbc: boolean;
  aead: boolean;
  forwardSecrecy: boolean;
}

/** What one reference client ended up with (or, without simulations, one supported suite). */
export interface ReferenceHandshake {
  client: string;
  protocol: ProtocolName;
  suite: ClassifiedSuite;
  /** The client offered an FS / AEAD suite the server accepts on this protocol (always true for "support"). */
  couldDoBetter: { forwardSecrecy: boolean; aead: boolean };
}

export interface ReferenceView {
  /** "simulations": what reference clients negotiated; "support": fallback to every supported suite. */
  source: "simulations" | "support";
  handshakes: ReferenceHandshake[];
}

export interface CategoryScores {
  protocol: number;
  keyExchange: number;
  cipher: number;
  score: number;
  /** Strength score (table §2) of the certificate key alone; null when not scored (no key size). */
  certificateKey: number | null;
  /** Strength score of the weakest ephemeral DH parameters; null when no DHE. */
  dh: number | null;
}

/** Everything a rule may look at: the raw facts plus views computed once. */
export interface RuleContext {
  assessment: Assessment;
  options: ResolvedGradingOptions;
  supported: ProtocolName[];
  suites: ClassifiedSuite[];
  reference: ReferenceView;
  scores: CategoryScores;
}

export type GradingRule = (ctx: RuleContext) => RuleFinding | null;

export type { Assessment, CipherSuiteFacts, GradeLetter, ProtocolName };
