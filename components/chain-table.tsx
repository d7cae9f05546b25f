import type { ChainFacts } from "@/lib/assessment/types";
import { DaysLeft } from "./days-left";

export function ChainTable({ chain, now }: { chain: ChainFacts; now: Date }) {
  return (
    <>
      <p>
        {chain.trusted ? (
          <span className="badge ok">trusted</span>
        ) : (
          <span className="badge bad">not trusted</span>
        )}{" "}
        {chain.hostnameMatch ? (
          <span className="badge ok">name matches</span>
        ) : (
          <span className="badge bad">name mismatch</span>
        )}{" "}
        {chain.complete ? null : <span className="badge warn">incomplete chain</span>}{" "}
        {chain.trustError ? <span className="bad">{chain.trustError}</span> : null}
      </p>
      <table data-testid="chain-table">
        <thead>
          <tr>
            <th>#</th>
            <th>Subject</th>
            <th>Issuer</th>
            <th>Expires</th>
            <th>Signature</th>
            <th>Key bits</th>
          </tr>
        </thead>
        <tbody>
          {chain.certificates.map((c, i) => (
            <tr key={c.fingerprintSha256} data-testid="chain-row">
              <td>{i}</td>
              <td>{c.subject}</td>
              <td>{c.issuer}</td>
              <td>
                {c.notAfter.slice(0, 10)} (<DaysLeft notAfter={c.notAfter} now={now} />)
              </td>
              <td>{c.signatureAlgorithm ?? "—"}</td>
              <td>{c.keyBits ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
