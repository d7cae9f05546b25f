// PEM bundles (private CAs, AIA downloads): certificates in, DER out, with errors a user can act on.
import { X509Certificate } from "node:crypto";
import { CertwatchError } from "@/lib/errors";

const BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
export const MAX_BUNDLE_CERTIFICATES = 500;

/** Every certificate in a PEM bundle as DER; throws INVALID_CA_PEM when none is found or one is corrupt. */
export function parsePemCertificates(pem: string, what = "The CA bundle"): Buffer[] {
  const out: Buffer[] = [];
  for (const m of pem.matchAll(BLOCK)) {
    if (out.length >= MAX_BUNDLE_CERTIFICATES) break;
    const der = Buffer.from(m[1]!.replace(/[^A-Za-z0-9+/=]/g, ""), "base64");
    try {
      new X509Certificate(der);
    } catch (err) {
      throw new CertwatchError(
        "INVALID_CA_PEM",
        `${what} holds a certificate that does not parse (number ${out.length + 1})`,
        "Paste the CA certificate(s) exactly as exported, each between BEGIN/END CERTIFICATE lines.",
        { cause: err },
      );
    }
    out.push(der);
  }
  if (out.length === 0) {
    throw new CertwatchError(
      "INVALID_CA_PEM",
      `${what} contains no PEM certificate`,
      "Expected one or more blocks starting with -----BEGIN CERTIFICATE-----.",
    );
  }
  return out;
}

export function derToPem(der: Buffer): string {
  const b64 = der
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "");
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
