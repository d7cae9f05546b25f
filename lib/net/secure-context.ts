// Client secure contexts for measuring: TLS 1.0-1.3 at OpenSSL security level 0 (so legacy servers still
// yield facts), legacy renegotiation allowed, node's roots plus an optional private CA for OpenSSL's verdict.
import { constants } from "node:crypto";
import tls from "node:tls";
import { CertwatchError } from "@/lib/errors";
import { derToPem, parsePemCertificates } from "@/lib/x509/pem";

export interface ContextOptions {
  caPem?: string | null;
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
  ecdhCurve?: string;
  sigalgs?: string;
}

// Secure contexts are costly to build (the root store is parsed); the few distinct configurations are reused.
const contexts = new Map<string, tls.SecureContext>();
const MAX_CONTEXTS = 32;

export function contextFor(o: ContextOptions): tls.SecureContext {
  const key = JSON.stringify([
    o.caPem ?? null,
    o.ciphers,
    o.minVersion,
    o.maxVersion,
    o.ecdhCurve,
    o.sigalgs,
  ]);
  const cached = contexts.get(key);
  if (cached) return cached;
  const privateCa = o.caPem ? parsePemCertificates(o.caPem, "The private CA bundle").map(derToPem) : null;
  let ctx: tls.SecureContext;
  try {
    ctx = tls.createSecureContext({
      ca: privateCa ? [...tls.rootCertificates, ...privateCa] : undefined,
      ciphers: o.ciphers ?? "DEFAULT:@SECLEVEL=0",
      minVersion: o.minVersion ?? "TLSv1",
      maxVersion: o.maxVersion ?? "TLSv1.3",
      ...(o.ecdhCurve ? { ecdhCurve: o.ecdhCurve } : {}),
      ...(o.sigalgs ? { sigalgs: o.sigalgs } : {}),
      // Measure servers without RFC 5746 secure renegotiation instead of refusing them.
      secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT,
    });
  } catch (err) {
    throw new CertwatchError(
      "INVALID_TLS_OPTIONS",
      `Cannot prepare the TLS client: ${err instanceof Error ? err.message : String(err)}`,
      "Check the protocol versions, cipher string, curves and signature algorithms passed in.",
      { cause: err },
    );
  }
  if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value!);
  contexts.set(key, ctx);
  return ctx;
}
