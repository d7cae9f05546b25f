// The presented chain, exactly as the server sent it (leaf first, extras and wrong order included).
// node's getPeerX509Certificate() links the raw peer stack through issuerCertificate; unlike
// getPeerCertificate(true) it neither reorders, drops unrelated certificates nor appends store roots.
// It consumes that stack, so it must be called once per connection.
import type { X509Certificate } from "node:crypto";
import type { TLSSocket } from "node:tls";

export const MAX_CHAIN_CERTIFICATES = 20;

export interface PeerChain {
  der: Buffer[];
  /** The server sent more than MAX_CHAIN_CERTIFICATES; the rest were not kept. */
  truncated: boolean;
}

export function walkIssuerLinks(leaf: X509Certificate | undefined, max = MAX_CHAIN_CERTIFICATES): PeerChain {
  const der: Buffer[] = [];
  let cert = leaf;
  while (cert) {
    if (der.length >= max) return { der, truncated: true };
    der.push(Buffer.from(cert.raw));
    cert = cert.issuerCertificate;
  }
  return { der, truncated: false };
}

export function presentedChain(socket: TLSSocket, max = MAX_CHAIN_CERTIFICATES): PeerChain {
  return walkIssuerLinks(socket.getPeerX509Certificate(), max);
}
