// A real OCSP responder over HTTP on 127.0.0.1 (RFC 6960 POST and GET), signing BasicOCSPResponses with
// the CA key or a delegated responder certificate, with knobs for the failure modes clients must survive.
import "reflect-metadata";
import { createHash, KeyObject, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  BasicOCSPResponse,
  CertID,
  CertStatus,
  id_pkix_ocsp_basic,
  id_pkix_ocsp_nonce,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  ResponderID,
  ResponseBytes,
  ResponseData,
  RevokedInfo,
  SingleResponse,
} from "@peculiar/asn1-ocsp";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier, Certificate, CRLReason, Extension } from "@peculiar/asn1-x509";
import { generateKeys, type Issued } from "./pki";

const DAY = 86_400_000;

export type OcspStatusSpec =
  | { status: "good" }
  | { status: "revoked"; revokedAt?: Date; reason?: number }
  | { status: "unknown" };

export interface OcspSignOptions {
  ca: Issued;
  /** A delegated responder (issued by `ca` with ocspSigning: true); it is included in the response. */
  signer?: Issued;
  /** Sign with an unrelated key of the same type: the signature will not verify. */
  badSignature?: boolean;
  thisUpdate?: Date;
  /** Null omits nextUpdate. Default: thisUpdate + 4 days. */
  nextUpdate?: Date | null;
  nonce?: ArrayBuffer;
}

export const normalizeSerial = (hex: string) => hex.toLowerCase().replace(/^0+(?=.)/, "");

function asnCert(issued: Issued): Certificate {
  return AsnConvert.parse(issued.der, Certificate);
}

/** SHA-1 CertID for (leaf, issuer), computed independently of lib/revocation. */
export function certIdOf(leaf: Issued, issuer: Issued): CertID {
  const ca = asnCert(issuer).tbsCertificate;
  const sha1 = (b: ArrayBuffer) => createHash("sha1").update(new Uint8Array(b)).digest();
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: "1.3.14.3.2.26", parameters: null }),
    issuerNameHash: new OctetString(sha1(AsnConvert.serialize(ca.subject))),
    issuerKeyHash: new OctetString(sha1(ca.subjectPublicKeyInfo.subjectPublicKey)),
    serialNumber: asnCert(leaf).tbsCertificate.serialNumber,
  });
}

function certStatus(spec: OcspStatusSpec): CertStatus {
  if (spec.status === "good") return new CertStatus({ good: null });
  if (spec.status === "unknown") return new CertStatus({ unknown: null });
  const info = new RevokedInfo({ revocationTime: spec.revokedAt ?? new Date(Date.now() - DAY) });
  if (spec.reason !== undefined) info.revocationReason = new CRLReason(spec.reason);
  return new CertStatus({ revoked: info });
}

async function signTbs(tbs: ArrayBuffer, o: OcspSignOptions) {
  const signer = o.signer ?? o.ca;
  const alg = signer.keys.privateKey.algorithm as KeyAlgorithm & { namedCurve?: string };
  const ec = alg.name === "ECDSA";
  const keys = o.badSignature
    ? await generateKeys(ec ? { type: "EC", curve: alg.namedCurve as "P-256" } : { type: "RSA" })
    : signer.keys;
  const signature = sign("sha256", new Uint8Array(tbs), KeyObject.from(keys.privateKey));
  const algorithm = ec
    ? new AlgorithmIdentifier({ algorithm: "1.2.840.10045.4.3.2" })
    : new AlgorithmIdentifier({ algorithm: "1.2.840.113549.1.1.11", parameters: null });
  return { signature, algorithm };
}

/** A complete DER OCSPResponse answering for `certId`. */
export async function makeOcspResponse(
  certId: CertID,
  spec: OcspStatusSpec,
  o: OcspSignOptions,
): Promise<Buffer> {
  const signer = o.signer ?? o.ca;
  const thisUpdate = o.thisUpdate ?? new Date(Date.now() - 60_000);
  const nextUpdate = o.nextUpdate === undefined ? new Date(thisUpdate.getTime() + 4 * DAY) : o.nextUpdate;
  const keyHash = createHash("sha1")
    .update(new Uint8Array(asnCert(signer).tbsCertificate.subjectPublicKeyInfo.subjectPublicKey))
    .digest();
  const single = new SingleResponse({ certID: certId, certStatus: certStatus(spec), thisUpdate });
  if (nextUpdate) single.nextUpdate = nextUpdate;
  const tbsResponseData = new ResponseData({
    responderID: new ResponderID({ byKey: new OctetString(keyHash) }),
    producedAt: new Date(),
    responses: [single],
  });
  if (o.nonce) {
    tbsResponseData.responseExtensions = [
      new Extension({ extnID: id_pkix_ocsp_nonce, critical: false, extnValue: new OctetString(o.nonce) }),
    ];
  }
  const tbs = AsnConvert.serialize(tbsResponseData);
  const { signature, algorithm } = await signTbs(tbs, o);
  const basic = new BasicOCSPResponse({
    tbsResponseData,
    signatureAlgorithm: algorithm,
    signature: new Uint8Array(signature).buffer,
  });
  if (o.signer) basic.certs = [asnCert(o.signer)];
  const response = new OCSPResponse({
    responseStatus: OCSPResponseStatus.successful,
    responseBytes: new ResponseBytes({
      responseType: id_pkix_ocsp_basic,
      response: new OctetString(AsnConvert.serialize(basic)),
    }),
  });
  return Buffer.from(AsnConvert.serialize(response));
}

/** A response for `leaf` as a TLS server would staple it. */
export function ocspResponseFor(leaf: Issued, spec: OcspStatusSpec, o: OcspSignOptions): Promise<Buffer> {
  return makeOcspResponse(certIdOf(leaf, o.ca), spec, o);
}

export interface OcspResponderKnobs {
  /** Responses signed by an unrelated key. */
  badSignature: boolean;
  /** thisUpdate 2 days ago, nextUpdate 1 day ago. */
  expired: boolean;
  noNextUpdate: boolean;
  /** Wait this long before answering (a responder that times out). */
  delayMs: number;
  /** Answer 200 with bytes that are not an OCSPResponse. */
  garbage: boolean;
  http500: boolean;
  /** Answer POST with 405 (clients should retry by GET). */
  rejectPost: boolean;
  /** A non-successful OCSPResponseStatus, e.g. 3 (tryLater). */
  responseStatus: OCSPResponseStatus | null;
}

export interface FakeOcspResponder {
  url: string;
  knobs: OcspResponderKnobs;
  requests: { method: string; url: string }[];
  setStatus(leaf: Issued | string, spec: OcspStatusSpec): void;
  close(): Promise<void>;
}

export interface OcspResponderOptions {
  ca: Issued;
  signer?: Issued;
  /** Serial (hex) or certificate → status; serials not listed are answered "unknown". */
  statuses?: [Issued | string, OcspStatusSpec][];
}

const serialOf = (c: Issued | string) => normalizeSerial(typeof c === "string" ? c : c.cert.serialNumber);

function parseRequest(req: http.IncomingMessage, body: Buffer): OCSPRequest {
  const der = req.method === "GET" ? Buffer.from(decodeURIComponent(req.url!.slice(1)), "base64") : body;
  return AsnConvert.parse(der, OCSPRequest);
}

async function answer(
  o: OcspResponderOptions,
  knobs: OcspResponderKnobs,
  statuses: Map<string, OcspStatusSpec>,
  request: OCSPRequest,
) {
  if (knobs.garbage) return Buffer.from("this is not an OCSP response");
  if (knobs.responseStatus !== null)
    return Buffer.from(AsnConvert.serialize(new OCSPResponse({ responseStatus: knobs.responseStatus })));
  const certId = request.tbsRequest.requestList[0]!.reqCert;
  const serial = normalizeSerial(Buffer.from(certId.serialNumber).toString("hex"));
  const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === id_pkix_ocsp_nonce);
  const now = Date.now();
  return makeOcspResponse(certId, statuses.get(serial) ?? { status: "unknown" }, {
    ca: o.ca,
    signer: o.signer,
    badSignature: knobs.badSignature,
    thisUpdate: knobs.expired ? new Date(now - 2 * DAY) : undefined,
    nextUpdate: knobs.noNextUpdate ? null : knobs.expired ? new Date(now - DAY) : undefined,
    nonce: nonce?.extnValue.buffer,
  });
}

export async function startOcspResponder(o: OcspResponderOptions): Promise<FakeOcspResponder> {
  const statuses = new Map((o.statuses ?? []).map(([c, spec]) => [serialOf(c), spec]));
  const knobs: OcspResponderKnobs = {
    badSignature: false,
    expired: false,
    noNextUpdate: false,
    delayMs: 0,
    garbage: false,
    http500: false,
    rejectPost: false,
    responseStatus: null,
  };
  const requests: { method: string; url: string }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "" });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const reply = async () => {
        if (knobs.http500) return res.writeHead(500).end("internal error");
        if (knobs.rejectPost && req.method === "POST") return res.writeHead(405).end();
        const der = await answer(o, knobs, statuses, parseRequest(req, Buffer.concat(chunks)));
        res.writeHead(200, { "content-type": "application/ocsp-response" }).end(der);
      };
      const run = () => reply().catch(() => res.writeHead(400).end("bad request"));
      if (knobs.delayMs <= 0) return void run();
      const t = setTimeout(() => {
        timers.delete(t);
        void run();
      }, knobs.delayMs);
      timers.add(t);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    knobs,
    requests,
    setStatus: (c, spec) => void statuses.set(serialOf(c), spec),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
