import type { ScanRow } from "@/db/schema";

export function ScanStatus({ scan }: { scan: ScanRow | null }) {
  if (!scan) return <span className="badge muted">pending first scan</span>;
  if (scan.outcome === "error") {
    return (
      <span className="badge bad" title={scan.errorMessage ?? ""} data-testid="scan-status">
        {scan.errorCode ?? "error"}
      </span>
    );
  }
  if (scan.trusted === false)
    return (
      <span className="badge bad" data-testid="scan-status">
        untrusted
      </span>
    );
  if (scan.hostnameMatch === false)
    return (
      <span className="badge bad" data-testid="scan-status">
        name mismatch
      </span>
    );
  return (
    <span className="badge ok" data-testid="scan-status">
      ok
    </span>
  );
}

export function GradeBadge({ grade }: { grade: string | null }) {
  if (!grade) return <span className="muted">—</span>;
  const tone = grade.startsWith("A") ? "ok" : grade === "B" || grade === "C" ? "warn" : "bad";
  return (
    <span className={`badge ${tone}`} data-testid="grade">
      {grade}
    </span>
  );
}
