import { eq } from "drizzle-orm";
import { certificates, type SightingStatus } from "@/db/schema";
import type { DbLike } from "../alert/db-like";

export interface Classification {
  status: Exclude<SightingStatus, "acknowledged">;
  reason: string;
}

/** Allowed issuers are DN fragments matched case-insensitively ("Let's Encrypt", "CN=R13"). */
export function issuerAllowed(allowed: readonly string[], issuer: string): boolean {
  const dn = issuer.toLowerCase();
  return allowed.some((f) => f.trim() !== "" && dn.includes(f.trim().toLowerCase()));
}

/**
 * Expected when the certificate or its key is already on a monitored endpoint (suppress by certificate
 * or SPKI hash, never by serial or issuer name alone: the CA controls those), or the issuer is allowed.
 */
export function classifySighting(
  db: Pick<DbLike, "select">,
  s: { certSha256: string | null; spkiSha256: string | null; issuer: string },
  allowedIssuers: readonly string[],
): Classification {
  if (s.certSha256) {
    const hit = db
      .select({ f: certificates.fingerprintSha256 })
      .from(certificates)
      .where(eq(certificates.fingerprintSha256, s.certSha256))
      .get();
    if (hit) return { status: "expected", reason: "certificate already seen on a monitored endpoint" };
  }
  if (s.spkiSha256) {
    const hit = db
      .select({ f: certificates.fingerprintSha256 })
      .from(certificates)
      .where(eq(certificates.spkiSha256, s.spkiSha256))
      .get();
    if (hit) return { status: "expected", reason: "its public key is already used on a monitored endpoint" };
  }
  if (issuerAllowed(allowedIssuers, s.issuer)) {
    return { status: "expected", reason: "issuer is on the allowed list" };
  }
  return { status: "unexpected", reason: "not seen on a monitored endpoint and its issuer is not allowed" };
}
