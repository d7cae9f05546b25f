const DAY_MS = 86_400_000;

export function daysLeft(notAfter: string, now: Date = new Date()): number {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / DAY_MS);
}

export function DaysLeft({ notAfter, now }: { notAfter: string | null; now?: Date }) {
  if (!notAfter) return <span className="muted">—</span>;
  const d = daysLeft(notAfter, now);
  const tone = d < 0 ? "bad" : d <= 14 ? "bad" : d <= 30 ? "warn" : "ok";
  const text = d < 0 ? `expired ${-d} day${d === -1 ? "" : "s"} ago` : `${d} day${d === 1 ? "" : "s"}`;
  return (
    <span className={tone} data-testid="days-left" title={`Expires ${notAfter}`}>
      {text}
    </span>
  );
}
