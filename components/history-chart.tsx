"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { GRADE_SCALE, type HistoryPoint } from "@/lib/assessment/history";

const time = (t: number) => new Date(t).toISOString().slice(5, 16).replace("T", " ");

/** Days left and grade over the endpoint's scans (UTC); failed scans are gaps. */
export function HistoryChart({ points }: { points: HistoryPoint[] }) {
  if (points.length < 2) return <p className="muted">The history chart appears after two scans.</p>;
  const common = { width: 900, height: 180, data: points, margin: { top: 8, right: 24, bottom: 4, left: 0 } };
  return (
    <div data-testid="history-chart" className="card">
      <LineChart {...common}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={time} />
        <YAxis width={48} label={{ value: "days left", angle: -90, position: "insideLeft" }} />
        <Tooltip labelFormatter={(t) => `${time(Number(t))} UTC`} />
        <Line
          type="stepAfter"
          dataKey="daysLeft"
          name="days left"
          stroke="#1f5eff"
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
      <LineChart {...common}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={time} />
        <YAxis
          width={48}
          domain={[0, GRADE_SCALE.length - 1]}
          ticks={GRADE_SCALE.map((_, i) => i)}
          tickFormatter={(i: number) => GRADE_SCALE[i] ?? ""}
        />
        <Tooltip
          labelFormatter={(t) => `${time(Number(t))} UTC`}
          formatter={(v) => GRADE_SCALE[Number(v)] ?? "—"}
        />
        <Line
          type="stepAfter"
          dataKey="gradeLevel"
          name="grade"
          stroke="#137a3a"
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
    </div>
  );
}
