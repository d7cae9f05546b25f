import { type Assessment, PROTOCOL_NAMES, type ProtocolName, type Target } from "./types";

/** An assessment with every fact unknown: the base that each probe stage fills in. */
export function emptyAssessment(target: Target, startedAt: Date): Assessment {
  return {
    target,
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    error: null,
    certificate: null,
    chain: null,
    protocols: Object.fromEntries(PROTOCOL_NAMES.map((p) => [p, null])) as Record<
      ProtocolName,
      boolean | null
    >,
    cipherSuites: [],
    serverCipherOrder: null,
    forwardSecrecy: null,
    aead: null,
    keyExchange: null,
    secureRenegotiation: null,
    compression: null,
    alpn: [],
    clientCertRequested: null,
    hsts: null,
    httpHeaders: null,
    negotiated: null,
    clientSimulations: [],
    revocation: null,
    grade: null,
    gradeUnavailableReason: null,
    mozillaProfile: null,
    chainDer: [],
  };
}
