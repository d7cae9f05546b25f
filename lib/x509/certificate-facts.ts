// Facts about one certificate, from its DER: what the dashboard shows and grading/alerts judge.
import "reflect-metadata";
import { createHash, X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";
import { Name } from "@peculiar/x509";
import type { CertificateFacts } from "@/lib/assessment/types";
import { CertwatchError } from "@/lib/errors";
import { BER_LIMITS } from "@/lib/x509/der";
import { extensionFacts } from "@/lib/x509/extensions";
import { signatureAlgorithmName } from "@/lib/x509/oids";

export const MAX_CERTIFICATE_BYTES = 256 * 1024;
const DAY_MS = 86_400_000;

/** A certificate parsed both ways: node's (keys, signatures) and the ASN.1 tree (everything else). */
export interface ParsedCertificate {
  der: Buffer;
  node: X509Certificate;
  asn: Certificate;
}

// asn1js costs ~1.7 ms per certificate and the same leaf is read by several steps of a scan.
const parsedCache = new Map<string, ParsedCertificate>();
const MAX_CACHED = 512;

export function parseCertificate(der: Buffer): ParsedCertificate {
  const key = sha256Hex(der);
  const hit = parsedCache.get(key);
  if (hit) return hit;
  const parsed = parseUncached(der);
  if (parsedCache.size >= MAX_CACHED) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(key, parsed);
  return parsed;
}

function parseUncached(der: Buffer): ParsedCertificate {
  if (der.length > MAX_CERTIFICATE_BYTES) {
    throw new CertwatchError("CERT_PARSE_ERROR", `Certificate is ${der.length} bytes; the limit is 256 KB`);
  }
  try {
    return { der, node: new X509Certificate(der), asn: AsnConvert.parse(der, Certificate, BER_LIMITS) };
  } catch (err) {
    throw new CertwatchError(
      "CERT_PARSE_ERROR",
      "The server sent a certificate that does not parse as X.509",
      "Check the certificate file the server is configured with (openssl x509 -in cert.pem -noout -text).",
      { cause: err },
    );
  }
}

export function nameString(name: Certificate["tbsCertificate"]["subject"]): string {
  try {
    return new Name(name).toString();
  } catch {
    return "";
  }
}

export function commonNameOf(subject: string): string | null {
  const m = /(?:^|,\s*)CN=((?:\\.|[^,\\])*)/.exec(subject);
  return m ? m[1]!.replace(/\\(.)/g, "$1") : null;
}

export const sha256Hex = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export function isSelfSigned(p: ParsedCertificate): boolean {
  const subject = Buffer.from(AsnConvert.serialize(p.asn.tbsCertificate.subject));
  const issuer = Buffer.from(AsnConvert.serialize(p.asn.tbsCertificate.issuer));
  if (!subject.equals(issuer)) return false;
  try {
    return p.node.verify(p.node.publicKey);
  } catch {
    return false;
  }
}

const CURVES: Record<string, [string, number]> = {
  prime256v1: ["P-256", 256],
  secp384r1: ["P-384", 384],
  secp521r1: ["P-521", 521],
  secp256k1: ["secp256k1", 256],
};

export function keyInfo(p: ParsedCertificate): Pick<CertificateFacts, "keyType" | "keyBits" | "curve"> {
  try {
    const key = p.node.publicKey;
    const d = key.asymmetricKeyDetails ?? {};
    switch (key.asymmetricKeyType) {
      case "rsa":
      case "rsa-pss":
        return { keyType: "RSA", keyBits: d.modulusLength ?? null, curve: null };
      case "ec": {
        const [curve, bits] = CURVES[d.namedCurve ?? ""] ?? [d.namedCurve ?? null, null];
        return { keyType: "EC", keyBits: bits, curve };
      }
      case "ed25519":
        return { keyType: "Ed25519", keyBits: 256, curve: null };
      case "ed448":
        return { keyType: "Ed448", keyBits: 456, curve: null };
      case "dsa":
        return { keyType: "DSA", keyBits: d.modulusLength ?? null, curve: null };
    }
  } catch {
    // A key node cannot load (GOST, unknown curve) is still a certificate we report on.
  }
  return { keyType: "unknown", keyBits: null, curve: null };
}

export function signatureAlgorithmOf(p: ParsedCertificate): string {
  return signatureAlgorithmName(p.asn.signatureAlgorithm.algorithm);
}

/** Facts for one certificate. spkiSha256 is base64 (an HPKP / RFC 7469 pin); serialNumber is lowercase hex. */
export function certificateFacts(der: Buffer, now: Date = new Date()): CertificateFacts {
  return factsOf(parseCertificate(der), now);
}

export function factsOf(p: ParsedCertificate, now: Date = new Date()): CertificateFacts {
  const tbs = p.asn.tbsCertificate;
  const subject = nameString(tbs.subject);
  const ext = extensionFacts(p.asn);
  const notAfter = tbs.validity.notAfter.getTime();
  return {
    subject,
    commonName: commonNameOf(subject),
    sans: [...ext.dnsNames, ...ext.ipAddresses],
    issuer: nameString(tbs.issuer),
    serialNumber: Buffer.from(tbs.serialNumber)
      .toString("hex")
      .replace(/^(00)+(?=.)/, ""),
    notBefore: tbs.validity.notBefore.getTime().toISOString(),
    notAfter: notAfter.toISOString(),
    daysRemaining: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
    fingerprintSha256: sha256Hex(p.der),
    spkiSha256: createHash("sha256")
      .update(new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo)))
      .digest("base64"),
    ...keyInfo(p),
    signatureAlgorithm: signatureAlgorithmOf(p),
    selfSigned: isSelfSigned(p),
    serverAuthEku: ext.serverAuthEku,
    ocspUrls: ext.ocspUrls,
    crlUrls: ext.crlUrls,
    caIssuersUrls: ext.caIssuersUrls,
    sctCount: ext.sctCount,
    mustStaple: ext.mustStaple,
  };
}
