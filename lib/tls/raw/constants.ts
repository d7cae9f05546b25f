import type { ProtocolName } from "@/lib/assessment/types";

export const VERSION_CODES: Record<Exclude<ProtocolName, "SSLv2">, number> = {
  SSLv3: 0x0300,
  "TLSv1.0": 0x0301,
  "TLSv1.1": 0x0302,
  "TLSv1.2": 0x0303,
  "TLSv1.3": 0x0304,
};

export function protocolOfVersion(v: number): ProtocolName | null {
  for (const [name, code] of Object.entries(VERSION_CODES)) if (code === v) return name as ProtocolName;
  return null;
}

export const CONTENT = { changeCipherSpec: 20, alert: 21, handshake: 22, applicationData: 23 } as const;

export const HS = {
  clientHello: 1,
  serverHello: 2,
  newSessionTicket: 4,
  encryptedExtensions: 8,
  certificate: 11,
  serverKeyExchange: 12,
  certificateRequest: 13,
  serverHelloDone: 14,
  certificateStatus: 22,
} as const;

export const EXT = {
  serverName: 0,
  statusRequest: 5,
  supportedGroups: 10,
  ecPointFormats: 11,
  signatureAlgorithms: 13,
  alpn: 16,
  sct: 18,
  padding: 21,
  encryptThenMac: 22,
  extendedMasterSecret: 23,
  sessionTicket: 35,
  supportedVersions: 43,
  pskKeyExchangeModes: 45,
  keyShare: 51,
  renegotiationInfo: 0xff01,
} as const;

/** Named groups we know by name (IANA TLS Supported Groups). */
export const GROUPS: Record<number, string> = {
  19: "secp192r1",
  21: "secp224r1",
  23: "secp256r1",
  24: "secp384r1",
  25: "secp521r1",
  26: "brainpoolP256r1",
  27: "brainpoolP384r1",
  28: "brainpoolP512r1",
  29: "x25519",
  30: "x448",
  256: "ffdhe2048",
  257: "ffdhe3072",
  258: "ffdhe4096",
  259: "ffdhe6144",
  260: "ffdhe8192",
  4587: "SecP256r1MLKEM768",
  4588: "X25519MLKEM768",
  25497: "X25519Kyber768Draft00",
};

export function groupName(id: number): string {
  return GROUPS[id] ?? `0x${id.toString(16).padStart(4, "0")}`;
}

export const EC_GROUPS = [0x001d, 0x0017, 0x0018, 0x0019, 0x001e, 0x001a, 0x001b, 0x001c, 0x0015, 0x0013];
export const FFDHE_GROUPS = [0x0100, 0x0101, 0x0102, 0x0103, 0x0104];
export const HYBRID_GROUPS = [0x11ec, 0x11eb, 0x6399];

/** A wide signature_algorithms list so old and new certificates can all be chosen. */
export const SIGNATURE_ALGORITHMS = [
  0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b, 0x0401, 0x0501,
  0x0601, 0x0303, 0x0301, 0x0302, 0x0402, 0x0502, 0x0602, 0x0203, 0x0201, 0x0202,
];

export const ALERTS: Record<number, string> = {
  0: "close_notify",
  10: "unexpected_message",
  20: "bad_record_mac",
  22: "record_overflow",
  30: "decompression_failure",
  40: "handshake_failure",
  41: "no_certificate",
  42: "bad_certificate",
  43: "unsupported_certificate",
  44: "certificate_revoked",
  45: "certificate_expired",
  46: "certificate_unknown",
  47: "illegal_parameter",
  48: "unknown_ca",
  49: "access_denied",
  50: "decode_error",
  51: "decrypt_error",
  70: "protocol_version",
  71: "insufficient_security",
  80: "internal_error",
  86: "inappropriate_fallback",
  90: "user_canceled",
  100: "no_renegotiation",
  109: "missing_extension",
  110: "unsupported_extension",
  112: "unrecognized_name",
  116: "certificate_required",
  120: "no_application_protocol",
};

export function alertName(code: number): string {
  return ALERTS[code] ?? `alert_${code}`;
}

/** SHA-256("HelloRetryRequest"): a ServerHello with this random is a HelloRetryRequest (RFC 8446 §4.1.3). */
export const HRR_RANDOM = Buffer.from(
  "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c",
  "hex",
);

/** Caps on what one probe will read from an untrusted server. */
export const LIMITS = {
  maxRecord: 16_384 + 2048,
  maxProbeBytes: 256 * 1024,
  maxHandshakeMessage: 128 * 1024,
} as const;
