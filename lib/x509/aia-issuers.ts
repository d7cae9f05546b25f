// What a caIssuers URL returns: one DER certificate (RFC 5280 says so), but in the wild also PEM and
// PKCS#7 "certs-only" bundles (.p7c). All become a short list of DER certificates.
import "reflect-metadata";
import { X509Certificate } from "node:crypto";
import { X509Certificates } from "@peculiar/x509";
import { parsePemCertificates } from "@/lib/x509/pem";

const MAX_ISSUER_CERTS = 10;

export function decodeIssuerCertificates(body: Buffer): Buffer[] {
  const text = body.subarray(0, 64).toString("latin1");
  if (text.includes("-----BEGIN CERTIFICATE-----") || body.includes("-----BEGIN CERTIFICATE-----")) {
    try {
      return parsePemCertificates(body.toString("latin1"), "The issuer download").slice(0, MAX_ISSUER_CERTS);
    } catch {
      return [];
    }
  }
  try {
    new X509Certificate(body);
    return [body];
  } catch {
    // not a single certificate: try PKCS#7 below
  }
  try {
    const input = body.includes("-----BEGIN PKCS7-----") ? body.toString("latin1") : new Uint8Array(body);
    const certs = Array.from(new X509Certificates(input));
    return certs.slice(0, MAX_ISSUER_CERTS).map((c) => Buffer.from(c.rawData));
  } catch {
    return [];
  }
}
