import { eq } from "drizzle-orm";
import { type CertificateRow, certificates, endpoints, observations } from "@/db/schema";
import { type Actor, authorize } from "@/server/auth/actor";
import { NotFoundError } from "@/server/errors";
import type { ServiceContext } from "../context";

export interface CertificateView extends Omit<CertificateRow, "der"> {
  pem: string;
  seenOn: {
    endpointId: number;
    host: string;
    port: number;
    ip: string;
    position: number;
    lastSeenAt: string;
  }[];
}

function toPem(der: Buffer): string {
  const b64 = der.toString("base64").replace(/(.{64})/g, "$1\n");
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/\n$/, "")}\n-----END CERTIFICATE-----\n`;
}

/** A stored certificate by SHA-256 fingerprint, with where it was seen. */
export function readCertificate({
  ctx,
  actor,
  fingerprint,
}: {
  ctx: Pick<ServiceContext, "db">;
  actor: Actor;
  fingerprint: string;
}): CertificateView {
  authorize(actor, "certificate.read");
  const fp = fingerprint.toLowerCase().replace(/:/g, "");
  const c = ctx.db.select().from(certificates).where(eq(certificates.fingerprintSha256, fp)).get();
  if (!c) throw new NotFoundError(`Certificate ${fp.slice(0, 16)}…`);
  const seenOn = ctx.db
    .select({
      endpointId: observations.endpointId,
      host: endpoints.host,
      port: endpoints.port,
      ip: observations.ip,
      position: observations.position,
      lastSeenAt: observations.lastSeenAt,
    })
    .from(observations)
    .innerJoin(endpoints, eq(endpoints.id, observations.endpointId))
    .where(eq(observations.fingerprintSha256, fp))
    .all();
  const { der, ...rest } = c;
  return { ...rest, pem: toPem(der), seenOn };
}
