// Serves a CRL signed by a test CA over HTTP on 127.0.0.1, with knobs for a bad signature, an expired
// nextUpdate, an oversized body, PEM instead of DER, and 404.
import "reflect-metadata";
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as x509 from "@peculiar/x509";
import { generateKeys, type Issued } from "./pki";

const DAY = 86_400_000;

export interface CrlEntrySpec {
  serial: string;
  revokedAt?: Date;
  reason?: x509.X509CrlReason;
}

export interface CrlOptions {
  ca: Issued;
  entries?: CrlEntrySpec[];
  thisUpdate?: Date;
  /** Null omits nextUpdate. Default: thisUpdate + 7 days. */
  nextUpdate?: Date | null;
  badSignature?: boolean;
}

/** A DER CRL built with @peculiar/x509's X509CrlGenerator (fine for hundreds of entries; it is O(n²)). */
export async function buildCrl(o: CrlOptions): Promise<Buffer> {
  const alg = o.ca.keys.privateKey.algorithm as KeyAlgorithm & { namedCurve?: string };
  const ec = alg.name === "ECDSA";
  const keys = o.badSignature
    ? await generateKeys(ec ? { type: "EC", curve: alg.namedCurve as "P-256" } : { type: "RSA" })
    : o.ca.keys;
  const thisUpdate = o.thisUpdate ?? new Date(Date.now() - 60_000);
  const nextUpdate = o.nextUpdate === undefined ? new Date(thisUpdate.getTime() + 7 * DAY) : o.nextUpdate;
  const crl = await x509.X509CrlGenerator.create({
    issuer: o.ca.cert.subjectName,
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    signingAlgorithm: ec
      ? { name: "ECDSA", hash: "SHA-256" }
      : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    signingKey: keys.privateKey,
    entries: (o.entries ?? []).map((e) => ({
      serialNumber: e.serial,
      revocationDate: e.revokedAt ?? new Date(Date.now() - DAY),
      ...(e.reason !== undefined ? { reason: e.reason } : {}),
    })),
  });
  return Buffer.from(crl.rawData);
}

export interface CrlServerKnobs {
  badSignature: boolean;
  /** thisUpdate 8 days ago, nextUpdate 1 day ago. */
  expired: boolean;
  /** Serve this many junk bytes instead of the CRL (0 = off). */
  oversizedBytes: number;
  notFound: boolean;
  pem: boolean;
}

export interface FakeCrlServer {
  url: string;
  knobs: CrlServerKnobs;
  requests: number;
  entries: CrlEntrySpec[];
  close(): Promise<void>;
}

function toPem(der: Buffer): string {
  const b64 = der.toString("base64").replace(/(.{64})/g, "$1\n");
  return `-----BEGIN X509 CRL-----\n${b64}\n-----END X509 CRL-----\n`;
}

export async function startCrlServer(o: { ca: Issued; entries?: CrlEntrySpec[] }): Promise<FakeCrlServer> {
  const knobs: CrlServerKnobs = {
    badSignature: false,
    expired: false,
    oversizedBytes: 0,
    notFound: false,
    pem: false,
  };
  const state = { requests: 0, entries: o.entries ?? [] };
  const server = http.createServer((_req, res) => {
    state.requests++;
    if (knobs.notFound) return void res.writeHead(404).end("not found");
    if (knobs.oversizedBytes > 0)
      return void res.writeHead(200).end(Buffer.alloc(knobs.oversizedBytes, 0x30));
    const now = Date.now();
    buildCrl({
      ca: o.ca,
      entries: state.entries,
      badSignature: knobs.badSignature,
      ...(knobs.expired ? { thisUpdate: new Date(now - 8 * DAY), nextUpdate: new Date(now - DAY) } : {}),
    })
      .then((der) => {
        res.writeHead(200, { "content-type": knobs.pem ? "application/x-pem-file" : "application/pkix-crl" });
        res.end(knobs.pem ? toPem(der) : der);
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ca.crl`,
    knobs,
    get requests() {
      return state.requests;
    },
    get entries() {
      return state.entries;
    },
    set entries(v) {
      state.entries = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
