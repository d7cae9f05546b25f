// Test PKI: real certificates made by the tests (@peculiar/x509 over node's WebCrypto).
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const DAY = 86_400_000;

export type KeySpec = { type: "RSA"; bits?: number } | { type: "EC"; curve?: "P-256" | "P-384" | "P-521" };
export type HashName = "SHA-1" | "SHA-256" | "SHA-384";

export interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  /** PEM of the certificate. */
  pem: string;
  /** PEM (PKCS#8) of the private key. */
  keyPem: string;
  der: Buffer;
}

export interface IssueOptions {
  subject?: string;
  dnsNames?: string[];
  ipAddresses?: string[];
  key?: KeySpec;
  hash?: HashName;
  /** Validity relative to now, in days (may be negative). */
  notBeforeDays?: number;
  notAfterDays?: number;
  /** Exact validity, wins over the *Days options. */
  notBefore?: Date;
  notAfter?: Date;
  ca?: boolean;
  pathLength?: number;
  ocspUrls?: string[];
  caIssuersUrls?: string[];
  crlUrls?: string[];
  mustStaple?: boolean;
  serverAuth?: boolean;
  ocspSigning?: boolean;
  serialNumber?: string;
  extraExtensions?: x509.Extension[];
}

function algorithms(key: KeySpec, hash: HashName) {
  if (key.type === "RSA") {
    const alg = {
      name: "RSASSA-PKCS1-v1_5",
      hash,
      publicExponent: new Uint8Array([1, 0, 1]),
      modulusLength: key.bits ?? 2048,
    };
    return { generate: alg, sign: alg };
  }
  const namedCurve = key.curve ?? "P-256";
  return { generate: { name: "ECDSA", namedCurve }, sign: { name: "ECDSA", hash } };
}

export async function generateKeys(
  key: KeySpec = { type: "EC" },
  hash: HashName = "SHA-256",
): Promise<CryptoKeyPair> {
  const { generate } = algorithms(key, hash);
  return (await webcrypto.subtle.generateKey(generate, true, ["sign", "verify"])) as CryptoKeyPair;
}

export async function keyToPem(key: CryptoKey): Promise<string> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", key));
  const b64 = pkcs8.toString("base64").replace(/(.{64})/g, "$1\n");
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

let serialCounter = 1;

function extensionsFor(
  o: IssueOptions,
  keys: CryptoKeyPair,
  issuer: Issued | null,
): Promise<x509.Extension[]> {
  return (async () => {
    const ext: x509.Extension[] = [];
    const ca = o.ca ?? false;
    ext.push(new x509.BasicConstraintsExtension(ca, ca ? o.pathLength : undefined, true));
    ext.push(
      new x509.KeyUsagesExtension(
        ca
          ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature
          : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
    );
    const eku: string[] = [];
    if (!ca && (o.serverAuth ?? true)) eku.push("1.3.6.1.5.5.7.3.1");
    if (o.ocspSigning) eku.push("1.3.6.1.5.5.7.3.9");
    if (eku.length) ext.push(new x509.ExtendedKeyUsageExtension(eku, false));
    const names = [
      ...(o.dnsNames ?? []).map((value) => ({ type: "dns" as const, value })),
      ...(o.ipAddresses ?? []).map((value) => ({ type: "ip" as const, value })),
    ];
    if (names.length) ext.push(new x509.SubjectAlternativeNameExtension(names, false));
    ext.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey));
    if (issuer) ext.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert));
    if (o.ocspUrls?.length || o.caIssuersUrls?.length) {
      ext.push(
        new x509.AuthorityInfoAccessExtension({ ocsp: o.ocspUrls ?? [], caIssuers: o.caIssuersUrls ?? [] }),
      );
    }
    if (o.crlUrls?.length) ext.push(new x509.CRLDistributionPointsExtension(o.crlUrls));
    // TLS Feature (RFC 7633) status_request = must-staple: SEQUENCE { INTEGER 5 }.
    if (o.mustStaple)
      ext.push(new x509.Extension("1.3.6.1.5.5.7.1.24", false, new Uint8Array([0x30, 3, 2, 1, 5])));
    ext.push(...(o.extraExtensions ?? []));
    return ext;
  })();
}

/** Issue a certificate signed by `issuer`, or self-signed when issuer is null. */
export async function issue(issuer: Issued | null, o: IssueOptions = {}): Promise<Issued> {
  const keySpec = o.key ?? { type: "EC" };
  const hash = o.hash ?? "SHA-256";
  const keys = await generateKeys(keySpec, hash);
  const now = Date.now();
  const notBefore = o.notBefore ?? new Date(now + (o.notBeforeDays ?? -1) * DAY);
  const notAfter = o.notAfter ?? new Date(now + (o.notAfterDays ?? 90) * DAY);
  const subject = o.subject ?? `CN=${o.dnsNames?.[0] ?? "Certwatch Test"}`;
  // The issuer signs with its own key type, at the hash the caller asked for.
  const issuerKeys = issuer?.keys ?? keys;
  const signAlg = issuerKeys.privateKey.algorithm as RsaHashedKeyAlgorithm | EcKeyAlgorithm;
  const signingAlgorithm =
    signAlg.name === "ECDSA" ? { name: "ECDSA", hash } : { name: "RSASSA-PKCS1-v1_5", hash };
  const serial = o.serialNumber ?? (Date.now() * 1000 + serialCounter++).toString(16).padStart(16, "0");
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject,
    issuer: issuer ? issuer.cert.subject : subject,
    notBefore,
    notAfter,
    signingAlgorithm,
    publicKey: keys.publicKey,
    signingKey: issuerKeys.privateKey,
    extensions: await extensionsFor(o, keys, issuer),
  });
  return {
    cert,
    keys,
    pem: cert.toString("pem"),
    keyPem: await keyToPem(keys.privateKey),
    der: Buffer.from(cert.rawData),
  };
}

export interface TestPki {
  root: Issued;
  intermediate: Issued;
  leaf: Issued;
}

/** A root → intermediate → leaf chain for `dnsName` (127.0.0.1 included as an IP SAN). */
export async function makeChain(dnsName = "localhost", leaf: IssueOptions = {}): Promise<TestPki> {
  const root = await issue(null, { subject: "CN=Certwatch Test Root", ca: true, notAfterDays: 3650 });
  const intermediate = await issue(root, {
    subject: "CN=Certwatch Test Intermediate",
    ca: true,
    pathLength: 0,
    notAfterDays: 1825,
  });
  const l = await issue(intermediate, { dnsNames: [dnsName], ipAddresses: ["127.0.0.1"], ...leaf });
  return { root, intermediate, leaf: l };
}
