import { type Assessment, type CipherSuiteFacts, PROTOCOL_NAMES } from "@/lib/assessment/types";
import { type MozillaProfile, OLD_TLS12_SUITES } from "./mozilla-profiles";
import { DEFAULT_GRADING_OPTIONS } from "./options";
import { listOf, protocolLabel } from "./rules/finding";
import { weakestDhBits, weakestEcdhBits } from "./scores";
import { parseSignatureAlgorithm } from "./signature-algorithm";
import { curveBits } from "./strength";
import { classifySuite } from "./suites";

/** Why the assessment does not meet the profile; empty when it does (tls-observatory's constraints). */
export function profileFailures(a: Assessment, p: MozillaProfile): string[] {
  return [...protocolAndSuiteFailures(a, p), ...certificateFailures(a, p), ...keyExchangeFailures(a, p)];
}

function protocolAndSuiteFailures(a: Assessment, p: MozillaProfile): string[] {
  const out: string[] = [];
  const extraProtocols = PROTOCOL_NAMES.filter((v) => a.protocols[v] === true).filter(
    (v) => !p.protocols.includes(v),
  );
  if (extraProtocols.length) out.push(`turn off ${listOf(extraProtocols.map(protocolLabel))}`);
  const extraSuites = a.cipherSuites
    .filter((s) => !(s.protocol === "TLSv1.3" ? p.tls13Suites : p.tls12Suites).includes(s.name))
    .map((s) => s.name);
  if (extraSuites.length) out.push(`remove cipher suites ${listOf(extraSuites)}`);
  if (p.serverOrderRequired && a.serverCipherOrder !== true) out.push("enforce the server's cipher order");
  return out;
}

function certificateFailures(a: Assessment, p: MozillaProfile): string[] {
  const cert = a.certificate;
  if (!cert) return ["the certificate could not be read"];
  const out: string[] = [];
  const type = cert.keyType === "RSA" || cert.keyType === "EC" ? cert.keyType : null;
  if (!type || !p.certificateTypes.includes(type)) {
    out.push(
      `use an ${p.certificateTypes.map((t) => (t === "EC" ? "ECDSA" : t)).join(" or ")} certificate, not ${cert.keyType}`,
    );
  } else if (type === "RSA" && p.rsaMinBits && (cert.keyBits ?? 0) < p.rsaMinBits) {
    out.push(`use an RSA key of at least ${p.rsaMinBits} bits`);
  } else if (type === "EC" && !p.certificateCurveBits.includes(curveBits(cert.curve) ?? cert.keyBits ?? 0)) {
    out.push("use a P-256 or P-384 certificate key");
  }
  const sig = parseSignatureAlgorithm(cert.signatureAlgorithm)?.mozillaName ?? null;
  if (!sig || !p.certificateSignatures.includes(sig)) {
    out.push(
      `certificate signature ${cert.signatureAlgorithm ?? "(unknown)"} is not ${p.certificateSignatures.join(" or ")}`,
    );
  }
  return out;
}

function keyExchangeFailures(a: Assessment, p: MozillaProfile): string[] {
  const out: string[] = [];
  const dh = weakestDhBits(a);
  if (p.dhMinBits && dh !== null && dh < p.dhMinBits)
    out.push(`use DH parameters of at least ${p.dhMinBits} bits`);
  const ec = weakestEcdhBits(a);
  if (ec !== null && ec < p.ecdhMinBits) out.push(`use ECDH groups of at least ${p.ecdhMinBits} bits`);
  return out;
}

/** tls-observatory's "bad": insecure whatever the profile. */
export function badFailures(a: Assessment): string[] {
  const out: string[] = [];
  if (a.protocols.SSLv2) out.push("turn off SSL 2.0");
  const insecure = a.cipherSuites
    .filter((s) => !OLD_TLS12_SUITES.includes(s.name) && isInsecure(s))
    .map((s) => s.name);
  if (insecure.length) out.push(`remove insecure cipher suites ${listOf(insecure)}`);
  const dh = weakestDhBits(a);
  if (dh !== null && dh < 1024) out.push(`DH parameters of ${dh} bits (need at least 1024)`);
  const ec = weakestEcdhBits(a);
  if (ec !== null && ec < 256) out.push(`ECDH group of ${ec} bits (need at least 256)`);
  const cert = a.certificate;
  if (cert?.keyType === "RSA" && (cert.keyBits ?? 0) < 2048)
    out.push(`RSA key of ${cert.keyBits} bits (need 2048)`);
  if (cert?.keyType === "EC" && (curveBits(cert.curve) ?? cert.keyBits ?? 0) < 256)
    out.push("ECDSA key under 256 bits");
  const sig = parseSignatureAlgorithm(cert?.signatureAlgorithm ?? null);
  if (cert?.signatureAlgorithm && (!sig || sig.hash === "md5" || sig.hash === "md2")) {
    out.push(`certificate signature ${cert.signatureAlgorithm} is not a standard, secure algorithm`);
  }
  return out;
}

/**
 * tls-observatory calls any suite outside the old list "bad"; that would brand Node's and OpenSSL's
 * defaults (CCM, ARIA, CAMELLIA) as bad. Only suites that are weak in themselves make a server bad here;
 * other unlisted suites just keep it out of every profile (non-compliant).
 */
function isInsecure(s: CipherSuiteFacts): boolean {
  const c = classifySuite(s, DEFAULT_GRADING_OPTIONS);
  if (!c) return false;
  return c.rc4 || c.nullCipher || c.export || c.anonymous || (c.block64 && !c.tripleDes) || c.bits < 112;
}
