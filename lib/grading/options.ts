import type { GradingOptions, ResolvedGradingOptions } from "./types";

/**
 * Defaults. 3DES counts as 112 bits: that is what SSL Labs displays and what every worked example in
 * GRADING.md §4 assumes (C = 60 for AES-256 + 3DES, C = 20 for 3DES only). Pass 168 to match testssl
 * and Ivan Ristić's statement that the old scoring used 168 (ssllabs-scan #38). EC sizes use testssl's
 * mapping (P-256 / X25519 → 100) by default; "nist" uses SP 800-57 equivalence (256-bit EC ≈ RSA-3072 → 90).
 */
export const DEFAULT_GRADING_OPTIONS: ResolvedGradingOptions = {
  tripleDesBits: 112,
  ecStrength: "testssl",
  criteria: "2009r",
};

export function resolveGradingOptions(opts: GradingOptions | undefined): ResolvedGradingOptions {
  return { ...DEFAULT_GRADING_OPTIONS, ...stripUndefined(opts ?? {}) };
}

function stripUndefined(opts: GradingOptions): GradingOptions {
  return Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as GradingOptions;
}
