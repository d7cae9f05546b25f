import type { RawFindings } from "@/lib/tls/enumerate";
import type { Assessment } from "./types";

/** Copy what the raw ClientHello enumeration established onto the assessment. */
export function applyRawFindings(a: Assessment, raw: RawFindings): void {
  a.protocols = raw.protocols;
  a.cipherSuites = raw.cipherSuites;
  a.serverCipherOrder = raw.serverCipherOrder;
  a.forwardSecrecy = raw.forwardSecrecy;
  a.aead = raw.aead;
  a.keyExchange = raw.keyExchange;
  a.secureRenegotiation = raw.secureRenegotiation;
  a.compression = raw.compression;
  a.alpn = raw.alpn;
  a.clientCertRequested = raw.clientCertRequested;
}
