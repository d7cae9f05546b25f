import { z } from "zod";
import { defineOperation } from "../operation";
import { isoTime } from "./common";

export const getCertificateOp = defineOperation({
  id: "getCertificate",
  method: "GET",
  path: "/certificates/{fingerprint}",
  summary: "A certificate by SHA-256 fingerprint, with where it was seen",
  tag: "Certificates",
  action: "certificate.read",
  params: z.object({
    fingerprint: z
      .string()
      .regex(
        /^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/,
        "A SHA-256 fingerprint: 64 hex digits, colons allowed.",
      ),
  }),
  response: z.object({
    fingerprintSha256: z.string(),
    subject: z.string(),
    issuer: z.string(),
    serialNumber: z.string(),
    notBefore: isoTime,
    notAfter: isoTime,
    spkiSha256: z.string(),
    firstSeenAt: isoTime,
    pem: z.string(),
    seenOn: z.array(
      z.object({
        endpointId: z.number().int(),
        host: z.string(),
        port: z.number().int(),
        ip: z.string(),
        position: z.number().int(),
        lastSeenAt: isoTime,
      }),
    ),
  }),
});
