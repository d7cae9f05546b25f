import type { ProtocolName } from "@/lib/assessment/types";

// mozilla/ssl-config-generator src/static/guidelines/6.0.json (modern, intermediate) and 5.8.json (old,
// removed in 6.0). Intermediate also accepts 5.8's DHE-RSA AEAD suites: 5.7/5.8 configurations are still
// everywhere and stay compliant when their DH parameters are ≥ 2048 bits.

export type MozillaLevel = "modern" | "intermediate" | "old";

export interface MozillaProfile {
  level: MozillaLevel;
  protocols: readonly ProtocolName[];
  tls13Suites: readonly string[];
  tls12Suites: readonly string[];
  certificateTypes: readonly ("RSA" | "EC")[];
  certificateCurveBits: readonly number[];
  certificateSignatures: readonly string[];
  rsaMinBits: number | null;
  dhMinBits: number | null;
  ecdhMinBits: number;
  serverOrderRequired: boolean;
  maxCertificateDays: number;
}

export const TLS13_SUITES = [
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
];
export const HSTS_MIN_AGE = 63_072_000;

const ECDHE_AEAD = [
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
];
const DHE_AEAD = [
  "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
];
const OLD_EXTRA = [
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
  "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
  "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
  "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_RSA_WITH_AES_128_CBC_SHA256",
  "TLS_RSA_WITH_AES_256_CBC_SHA256",
  "TLS_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_256_CBC_SHA",
  "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
];
const ECDSA_SIGNATURES = ["ecdsa-with-SHA256", "ecdsa-with-SHA384", "ecdsa-with-SHA512"];

export const OLD_TLS12_SUITES = [...ECDHE_AEAD, ...DHE_AEAD, ...OLD_EXTRA];

/** Strictest first. */
export const MOZILLA_PROFILES: readonly MozillaProfile[] = [
  {
    level: "modern",
    protocols: ["TLSv1.3"],
    tls13Suites: TLS13_SUITES,
    tls12Suites: [],
    certificateTypes: ["EC"],
    certificateCurveBits: [256, 384],
    certificateSignatures: ECDSA_SIGNATURES,
    rsaMinBits: null,
    dhMinBits: null,
    ecdhMinBits: 256,
    serverOrderRequired: false,
    maxCertificateDays: 90,
  },
  {
    level: "intermediate",
    protocols: ["TLSv1.2", "TLSv1.3"],
    tls13Suites: TLS13_SUITES,
    tls12Suites: [...ECDHE_AEAD, ...DHE_AEAD],
    certificateTypes: ["EC", "RSA"],
    certificateCurveBits: [256, 384],
    certificateSignatures: ["sha256WithRSAEncryption", ...ECDSA_SIGNATURES],
    rsaMinBits: 2048,
    dhMinBits: 2048,
    ecdhMinBits: 256,
    serverOrderRequired: false,
    maxCertificateDays: 366,
  },
  {
    level: "old",
    protocols: ["TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"],
    tls13Suites: TLS13_SUITES,
    tls12Suites: OLD_TLS12_SUITES,
    certificateTypes: ["RSA"],
    certificateCurveBits: [256, 384],
    certificateSignatures: ["sha256WithRSAEncryption"],
    rsaMinBits: 2048,
    dhMinBits: 1024,
    ecdhMinBits: 256,
    serverOrderRequired: true,
    maxCertificateDays: 366,
  },
];
