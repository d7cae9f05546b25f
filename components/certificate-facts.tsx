import type { CertificateFacts } from "@/lib/assessment/types";
import { DaysLeft } from "./days-left";

function list(values: string[]) {
  return values.length ? values.join(", ") : <span className="muted">none</span>;
}

export function CertificateFactsView({ c, now }: { c: CertificateFacts; now: Date }) {
  const key = [c.keyType, c.keyBits ? `${c.keyBits} bits` : null, c.curve].filter(Boolean).join(" ");
  return (
    <dl className="facts" data-testid="certificate-facts">
      <dt>Subject</dt>
      <dd>{c.subject}</dd>
      <dt>Names (SAN)</dt>
      <dd>{list(c.sans)}</dd>
      <dt>Issuer</dt>
      <dd>{c.issuer}</dd>
      <dt>Valid</dt>
      <dd>
        {c.notBefore} → {c.notAfter} (<DaysLeft notAfter={c.notAfter} now={now} />)
      </dd>
      <dt>Key</dt>
      <dd>{key}</dd>
      <dt>Signature</dt>
      <dd>{c.signatureAlgorithm ?? "unknown"}</dd>
      <dt>Serial</dt>
      <dd className="mono">{c.serialNumber}</dd>
      <dt>SHA-256</dt>
      <dd className="mono">{c.fingerprintSha256}</dd>
      <dt>SPKI pin (SHA-256)</dt>
      <dd className="mono">{c.spkiSha256}</dd>
      <dt>OCSP / CRL</dt>
      <dd>
        {list(c.ocspUrls)} / {list(c.crlUrls)}
      </dd>
      <dt>Embedded SCTs</dt>
      <dd>{c.sctCount}</dd>
      <dt>Must-staple</dt>
      <dd>{c.mustStaple ? "yes" : "no"}</dd>
    </dl>
  );
}
