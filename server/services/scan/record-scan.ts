import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { certificates, endpoints, observations, scans } from "@/db/schema";
import type { Assessment } from "@/lib/assessment/types";
import { recordAlerts } from "../alert/record-alerts";
import { type CertificateSummary, summariseCertificate } from "./certificate-summary";

export interface RecordScanInput {
  db: Db;
  endpointId: number;
  scanKey: string;
  assessment: Assessment;
  now?: Date;
}

function parseChain(chainDer: string[]): CertificateSummary[] {
  const out: CertificateSummary[] = [];
  for (const b64 of chainDer) {
    try {
      out.push(summariseCertificate(Buffer.from(b64, "base64")));
    } catch {
      // A certificate node cannot parse is still reported in the facts; it just is not stored.
    }
  }
  return out;
}

export interface RecordScanResult {
  scanId: number;
  duplicate: boolean;
  /** Deliveries created by this scan's alerts: enqueue them after the commit (empty for a duplicate). */
  deliveryIds: number[];
}

/**
 * Write one probe result: the scan row, each certificate once, the endpoint/IP/certificate
 * observations, and the alerts it raises (lib/alerts) with their deliveries. Idempotent on scanKey, so a
 * retried record job never doubles a scan or evaluates its alerts twice.
 * Synchronous on purpose (drizzle's async transactions do not roll back with better-sqlite3); IMMEDIATE
 * so two writers serialise at BEGIN instead of failing when a read upgrades to a write.
 */
export function recordScan({
  db,
  endpointId,
  scanKey,
  assessment: a,
  now = new Date(),
}: RecordScanInput): RecordScanResult {
  const chain = parseChain(a.chainDer);
  const seenAt = now.toISOString();
  const { chainDer: _omit, ...facts } = a;
  return db.transaction(
    (tx) => {
      const dup = tx.select({ id: scans.id }).from(scans).where(eq(scans.jobId, scanKey)).get();
      if (dup) return { scanId: dup.id, duplicate: true, deliveryIds: [] };
      for (const c of chain) {
        tx.insert(certificates)
          .values({ ...c, firstSeenAt: seenAt })
          .onConflictDoNothing()
          .run();
      }
      chain.forEach((c, position) => {
        tx.insert(observations)
          .values({
            endpointId,
            ip: a.target.ip ?? "",
            fingerprintSha256: c.fingerprintSha256,
            position,
            firstSeenAt: seenAt,
            lastSeenAt: seenAt,
          })
          .onConflictDoUpdate({
            target: [
              observations.endpointId,
              observations.ip,
              observations.fingerprintSha256,
              observations.position,
            ],
            set: { lastSeenAt: sql`excluded.last_seen_at` },
          })
          .run();
      });
      const finished = new Date(Date.parse(a.startedAt) + a.durationMs).toISOString();
      const row = tx
        .insert(scans)
        .values({
          endpointId,
          jobId: scanKey,
          ip: a.target.ip,
          startedAt: a.startedAt,
          finishedAt: finished,
          durationMs: Math.round(a.durationMs),
          outcome: a.error ? "error" : "ok",
          errorCode: a.error?.code ?? null,
          errorMessage: a.error?.message ?? null,
          errorHint: a.error?.hint ?? null,
          leafFingerprint: chain[0]?.fingerprintSha256 ?? null,
          notAfter: a.certificate?.notAfter ?? chain[0]?.notAfter ?? null,
          trusted: a.chain?.trusted ?? null,
          hostnameMatch: a.chain?.hostnameMatch ?? null,
          grade: a.grade?.letter ?? null,
          facts,
        })
        .returning({ id: scans.id })
        .get();
      const endpoint = tx
        .select({ id: endpoints.id, tags: endpoints.tags })
        .from(endpoints)
        .where(eq(endpoints.id, endpointId))
        .get();
      const deliveryIds = endpoint ? recordAlerts(tx, { endpoint, scanId: row.id, assessment: a, now }) : [];
      return { scanId: row.id, duplicate: false, deliveryIds };
    },
    { behavior: "immediate" },
  );
}
