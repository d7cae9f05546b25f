import type { RevocationFacts } from "@/lib/assessment/types";

const TONE = { good: "ok", revoked: "bad", unknown: "warn" } as const;

export function RevocationView({ r }: { r: RevocationFacts | null }) {
  if (!r) return <p className="muted">Not checked.</p>;
  return (
    <div data-testid="revocation">
      <p>
        <span className={`badge ${TONE[r.status]}`} data-testid="revocation-status">
          {r.status}
        </span>{" "}
        {r.method
          ? `determined by ${r.method === "staple" ? "the stapled OCSP response" : r.method.toUpperCase()}`
          : "no source answered"}
        {r.revokedAt ? ` · revoked ${r.revokedAt}` : ""}
        {r.reason ? ` · ${r.reason}` : ""}
      </p>
      <dl className="facts">
        <dt>Stapling</dt>
        <dd>
          {r.stapled ? `stapled (${r.stapledStatus ?? "unverified"})` : "no staple"}
          {r.mustStaple ? (
            r.stapled ? (
              " · must-staple"
            ) : (
              <span className="bad"> · must-staple certificate served without a staple</span>
            )
          ) : (
            ""
          )}
        </dd>
        <dt>OCSP</dt>
        <dd>
          {r.ocsp
            ? `${r.ocsp.status} from ${r.ocsp.url}${r.ocsp.nextUpdate ? `, next update ${r.ocsp.nextUpdate}` : ""}${r.ocsp.error ? ` — ${r.ocsp.error}` : ""}`
            : "not used"}
        </dd>
        <dt>CRL</dt>
        <dd>
          {r.crl
            ? `${r.crl.status} from ${r.crl.url}${r.crl.nextUpdate ? `, next update ${r.crl.nextUpdate}` : ""}${r.crl.error ? ` — ${r.crl.error}` : ""}`
            : "not used"}
        </dd>
      </dl>
    </div>
  );
}
