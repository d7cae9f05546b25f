// The extension facts we report, read from the parsed certificate. A malformed extension yields "absent"
// rather than failing the whole certificate: we are measuring someone else's bytes.
import { AsnConvert } from "@peculiar/asn1-schema";
import {
  AuthorityInfoAccessSyntax,
  type Certificate,
  CRLDistributionPoints,
  ExtendedKeyUsage,
  type GeneralName,
} from "@peculiar/asn1-x509";
import { BER_LIMITS, countScts, readSubjectAltNames, tlsFeatureHasStatusRequest } from "@/lib/x509/der";
import { OID } from "@/lib/x509/oids";

const MAX_URLS = 16;

export interface ExtensionFacts {
  hasSanExtension: boolean;
  dnsNames: string[];
  ipAddresses: string[];
  serverAuthEku: boolean | null;
  ocspUrls: string[];
  caIssuersUrls: string[];
  crlUrls: string[];
  sctCount: number;
  mustStaple: boolean;
}

function extensionValue(cert: Certificate, oid: string): Uint8Array | null {
  const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === oid);
  return ext ? new Uint8Array(ext.extnValue.buffer) : null;
}

function parseOr<T>(value: Uint8Array | null, type: new () => T): T | null {
  if (!value) return null;
  try {
    return AsnConvert.parse(value, type, BER_LIMITS);
  } catch {
    return null;
  }
}

const urlsOf = (names: GeneralName[]) =>
  names.flatMap((n) => (n.uniformResourceIdentifier ? [n.uniformResourceIdentifier] : []));

export function extensionFacts(cert: Certificate): ExtensionFacts {
  const sanValue = extensionValue(cert, OID.subjectAltName);
  const san = sanValue ? readSubjectAltNames(sanValue) : null;
  const ekuValue = extensionValue(cert, OID.extKeyUsage);
  const eku = parseOr(ekuValue, ExtendedKeyUsage);
  const aia = parseOr(extensionValue(cert, OID.authorityInfoAccess), AuthorityInfoAccessSyntax) ?? [];
  const crl = parseOr(extensionValue(cert, OID.crlDistributionPoints), CRLDistributionPoints) ?? [];
  const sct = extensionValue(cert, OID.sctList);
  const feature = extensionValue(cert, OID.tlsFeature);
  const aiaUrls = (method: string) =>
    urlsOf(aia.filter((a) => a.accessMethod === method).map((a) => a.accessLocation)).slice(0, MAX_URLS);
  return {
    hasSanExtension: sanValue !== null,
    dnsNames: san?.dns ?? [],
    ipAddresses: san?.ip ?? [],
    serverAuthEku:
      ekuValue === null
        ? null
        : eku
          ? eku.some((o) => o === OID.serverAuth || o === OID.anyExtendedKeyUsage)
          : false,
    ocspUrls: aiaUrls(OID.ocsp),
    caIssuersUrls: aiaUrls(OID.caIssuers),
    crlUrls: urlsOf(crl.flatMap((dp) => dp.distributionPoint?.fullName ?? [])).slice(0, MAX_URLS),
    sctCount: sct ? countScts(sct) : 0,
    mustStaple: feature ? tlsFeatureHasStatusRequest(feature) : false,
  };
}
