import type { GradeFacts, MozillaProfileFacts } from "@/lib/assessment/types";
import { GradeBadge } from "./scan-status";

/** How the grade was reached: category scores, every cap and warning with its fix. */
export function GradeBreakdown(props: {
  grade: GradeFacts | null;
  unavailableReason: string | null;
  mozilla: MozillaProfileFacts | null;
}) {
  const g = props.grade;
  if (!g) return <p className="muted">No grade: {props.unavailableReason ?? "not assessed yet"}.</p>;
  return (
    <div data-testid="grade-breakdown">
      <p>
        <GradeBadge grade={g.letter} />{" "}
        {g.letter !== g.ignoringTrust ? (
          <span className="muted">(ignoring trust: {g.ignoringTrust}) </span>
        ) : null}
        score {g.score.toFixed(1)} = 0.3 × protocol {g.protocolScore} + 0.3 × key exchange{" "}
        {g.keyExchangeScore} + 0.4 × cipher {g.cipherScore}{" "}
        <span className="muted">(SSL Labs criteria {g.criteria})</span>
      </p>
      {g.caps.length + g.warnings.length === 0 ? <p>No caps or warnings.</p> : null}
      <ul className="reasons">
        {g.caps.map((c) => (
          <li key={c.reason} data-testid="grade-cap">
            <strong>Capped at {c.grade}:</strong> {c.reason}
            <details>
              <summary>How to fix</summary>
              <pre>{c.fix}</pre>
            </details>
          </li>
        ))}
        {g.warnings.map((w) => (
          <li key={w.reason} data-testid="grade-warning">
            <strong>Warning:</strong> {w.reason}
            <details>
              <summary>How to fix</summary>
              <pre>{w.fix}</pre>
            </details>
          </li>
        ))}
      </ul>
      {props.mozilla ? (
        <p>
          Mozilla Server Side TLS: <strong>{props.mozilla.level}</strong>
          {props.mozilla.reasons.length ? ` — ${props.mozilla.reasons.slice(0, 3).join("; ")}` : ""}
        </p>
      ) : null}
    </div>
  );
}
