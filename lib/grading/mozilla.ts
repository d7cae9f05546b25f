import type { Assessment, MozillaProfileFacts } from "@/lib/assessment/types";
import { unavailableReason } from "./availability";
import { badFailures, profileFailures } from "./mozilla-checks";
import { HSTS_MIN_AGE, MOZILLA_PROFILES, type MozillaProfile } from "./mozilla-profiles";

const MAX_REASONS = 5;

/**
 * Mozilla Server Side TLS level (GRADING.md §6): the strictest of modern / intermediate / old whose
 * constraints all hold, else non-compliant; "bad" when something is insecure under any profile.
 * Reasons say what blocks the next level up (for non-compliant: intermediate, the recommended one),
 * then advisories (HSTS, OCSP stapling, certificate lifespan), at most five.
 */
export function mozillaProfile(a: Assessment): MozillaProfileFacts {
  const missing = unavailableReason(a);
  if (missing) return { level: "non-compliant", reasons: [missing] };
  const bad = badFailures(a);
  if (bad.length) return { level: "bad", reasons: bad.slice(0, MAX_REASONS) };
  const [modern, intermediate, old] = MOZILLA_PROFILES as [MozillaProfile, MozillaProfile, MozillaProfile];
  const failures = new Map(MOZILLA_PROFILES.map((p) => [p.level, profileFailures(a, p)]));
  const met = MOZILLA_PROFILES.find((p) => failures.get(p.level)?.length === 0);
  const target = met === modern ? null : met === intermediate ? modern : intermediate;
  const blocking = target ? (failures.get(target.level) ?? []).map((f) => `for ${target.level}: ${f}`) : [];
  const reasons = [...blocking, ...advisories(a, met ?? old)].slice(0, MAX_REASONS);
  return { level: met?.level ?? "non-compliant", reasons };
}

function advisories(a: Assessment, p: MozillaProfile): string[] {
  const out: string[] = [];
  if ((a.hsts?.maxAge ?? 0) < HSTS_MIN_AGE)
    out.push(`send HSTS with max-age of at least ${HSTS_MIN_AGE} (2 years)`);
  if (a.revocation && !a.revocation.stapled) out.push("enable OCSP stapling");
  const cert = a.certificate;
  if (cert) {
    const days = (Date.parse(cert.notAfter) - Date.parse(cert.notBefore)) / 86_400_000;
    if (days > p.maxCertificateDays)
      out.push(`use certificates valid for at most ${p.maxCertificateDays} days`);
  }
  return out;
}
