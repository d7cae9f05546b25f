import { X509Certificate } from "node:crypto";
import tls from "node:tls";
import type { HandshakeResult } from "@/lib/tls/handshake";
import type { ChainFacts } from "./types";

export type ChainStage = (input: {
  chainDer: Buffer[];
  host: string;
  caPem: string | null;
  now: Date;
  handshake: HandshakeResult | null;
}) => Promise<ChainFacts>;

/** Trust from OpenSSL's verdict during the handshake; hostname judged separately (T vs M). */
export const chainStage: ChainStage = async ({ chainDer, host, handshake }) => {
  const certs = chainDer.map((d) => new X509Certificate(d));
  const leaf = certs[0]!;
  const hostnameMatch =
    tls.checkServerIdentity(host, {
      subject: { CN: /CN=([^\n,]+)/.exec(leaf.subject)?.[1] ?? "" },
      subjectaltname: leaf.subjectAltName ?? "",
    } as tls.PeerCertificate) === undefined;
  const err = handshake?.authorizationError ?? null;
  return {
    certificates: certs.map((c) => ({
      subject: c.subject.replace(/\n/g, ", "),
      issuer: c.issuer.replace(/\n/g, ", "),
      notAfter: new Date(c.validTo).toISOString(),
      fingerprintSha256: c.fingerprint256.replace(/:/g, "").toLowerCase(),
      signatureAlgorithm: null,
      keyBits: c.publicKey.asymmetricKeyDetails?.modulusLength ?? null,
    })),
    complete: err !== "UNABLE_TO_VERIFY_LEAF_SIGNATURE" && err !== "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    trusted: handshake !== null && err === null,
    trustError: err,
    hostnameMatch,
    earliestExpiry: certs.map((c) => new Date(c.validTo).toISOString()).sort()[0] ?? null,
  };
};
