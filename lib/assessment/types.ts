// The facts a scan produces: the contract between the probe (lib/tls), grading (lib/grading),
// revocation (lib/revocation), the recorder (workers) and the CLI's `--json`. Unknown facts are null.

export type ProtocolName = "SSLv2" | "SSLv3" | "TLSv1.0" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
export const PROTOCOL_NAMES: readonly ProtocolName[] = [
  "SSLv2",
  "SSLv3",
  "TLSv1.0",
  "TLSv1.1",
  "TLSv1.2",
  "TLSv1.3",
];

export type Tristate = "all" | "some" | "none";

export interface Target {
  host: string;
  port: number;
  /** Address actually connected to (resolved or overridden). */
  ip: string | null;
  /** Server name sent in the ClientHello; null when none is sent (IP literal host without --sni). */
  sni: string | null;
}

export interface ScanErrorInfo {
  code: string;
  message: string;
  hint: string | null;
}

export interface CertificateFacts {
  subject: string;
  commonName: string | null;
  sans: string[];
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  daysRemaining: number;
  fingerprintSha256: string;
  spkiSha256: string;
  keyType: "RSA" | "EC" | "Ed25519" | "Ed448" | "DSA" | "unknown";
  keyBits: number | null;
  curve: string | null;
  signatureAlgorithm: string | null;
  selfSigned: boolean;
  serverAuthEku: boolean | null;
  ocspUrls: string[];
  crlUrls: string[];
  caIssuersUrls: string[];
  sctCount: number;
  mustStaple: boolean;
}

export interface ChainCertificate {
  subject: string;
  issuer: string;
  notAfter: string;
  fingerprintSha256: string;
  signatureAlgorithm: string | null;
  keyBits: number | null;
}

export interface ChainFacts {
  certificates: ChainCertificate[];
  complete: boolean;
  trusted: boolean;
  trustError: string | null;
  hostnameMatch: boolean;
  earliestExpiry: string | null;
}

export interface CipherSuiteFacts {
  protocol: ProtocolName;
  name: string;
  code: string;
  keyExchange: string;
  bits: number;
  aead: boolean;
  forwardSecrecy: boolean;
}

export interface HstsFacts {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

/** Other security headers of the HTTPS root page, recorded as sent (null when absent). */
export interface HttpHeaderFacts {
  status: number;
  hstsHeader: string | null;
  hstsInvalidReason: string | null;
  contentSecurityPolicy: string | null;
  xFrameOptions: string | null;
  xContentTypeOptions: string | null;
  referrerPolicy: string | null;
  permissionsPolicy: string | null;
}

export interface Assessment {
  target: Target;
  startedAt: string;
  durationMs: number;
  error: ScanErrorInfo | null;
  certificate: CertificateFacts | null;
  chain: ChainFacts | null;
  protocols: Record<ProtocolName, boolean | null>;
  cipherSuites: CipherSuiteFacts[];
  serverCipherOrder: boolean | null;
  forwardSecrecy: Tristate | null;
  aead: Tristate | null;
  keyExchange: { groups: string[]; dhBits: number | null } | null;
  secureRenegotiation: boolean | null;
  compression: boolean | null;
  alpn: string[];
  clientCertRequested: boolean | null;
  hsts: HstsFacts | null;
  httpHeaders: HttpHeaderFacts | null;
  /** Negotiated protocol/cipher of the main handshake, for the list view. */
  negotiated: { protocol: string | null; cipher: string | null } | null;
  /** Reference clients' handshakes (issue 4 grading judges FS/AEAD/3DES on what these negotiate). */
  clientSimulations: ClientSimulation[];
  revocation: RevocationFacts | null;
  grade: GradeFacts | null;
  /** Why grade is null when the endpoint could not be fully assessed. */
  gradeUnavailableReason: string | null;
  mozillaProfile: MozillaProfileFacts | null;
  /** DER of the presented chain (leaf first), base64: the recorder stores each certificate once. */
  chainDer: string[];
}

/** What one reference client (lib/tls/clients.ts) negotiated with the server; null suite = handshake failed. */
export interface ClientSimulation {
  client: string;
  protocol: ProtocolName | null;
  suite: string | null;
  code: string | null;
  forwardSecrecy: boolean | null;
  aead: boolean | null;
}

export type RevocationStatus = "good" | "revoked" | "unknown";

export interface RevocationFacts {
  status: RevocationStatus;
  method: "ocsp" | "crl" | "staple" | null;
  reason: string | null;
  revokedAt: string | null;
  stapled: boolean;
  stapledStatus: RevocationStatus | null;
  mustStaple: boolean;
  ocsp: {
    url: string;
    status: RevocationStatus;
    thisUpdate: string | null;
    nextUpdate: string | null;
    error: string | null;
  } | null;
  crl: { url: string; status: RevocationStatus; nextUpdate: string | null; error: string | null } | null;
}

export type GradeLetter = "A+" | "A" | "A-" | "B" | "C" | "D" | "E" | "F" | "T" | "M";

export interface GradeFacts {
  letter: GradeLetter;
  ignoringTrust: GradeLetter;
  score: number;
  protocolScore: number;
  keyExchangeScore: number;
  cipherScore: number;
  caps: { grade: GradeLetter; reason: string; fix: string }[];
  warnings: { reason: string; fix: string }[];
  criteria: string;
}

export interface MozillaProfileFacts {
  level: "modern" | "intermediate" | "old" | "non-compliant" | "bad";
  reasons: string[];
}

/** The protocol-level facts the raw ClientHello engine establishes (lib/tls/enumerate.ts). */
export type TlsFacts = Pick<
  Assessment,
  | "protocols"
  | "cipherSuites"
  | "serverCipherOrder"
  | "forwardSecrecy"
  | "aead"
  | "keyExchange"
  | "secureRenegotiation"
  | "compression"
  | "alpn"
  | "clientCertRequested"
>;
