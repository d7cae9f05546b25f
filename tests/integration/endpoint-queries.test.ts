import { afterEach, beforeEach, expect, it } from "vitest";
import { latestScansFor, listEndpoints } from "@/db/queries/endpoints";
import { endpoints, scans } from "@/db/schema";
import { tempDb } from "../support/temp-db";

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.remove());

function endpoint(host: string): number {
  const now = new Date().toISOString();
  return t.db
    .insert(endpoints)
    .values({ host, port: 443, targetKey: `${host}|443||`, createdAt: now, updatedAt: now })
    .returning()
    .get().id;
}

function scan(endpointId: number, ip: string, n: number, notAfter: string | null) {
  const at = new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString();
  t.db
    .insert(scans)
    .values({
      endpointId,
      jobId: `${endpointId}-${ip}-${n}`,
      ip,
      startedAt: at,
      finishedAt: at,
      durationMs: 50,
      outcome: notAfter ? "ok" : "error",
      notAfter,
    })
    .run();
}

it("latestScansFor gives the newest scan per address of that endpoint only", () => {
  const a = endpoint("a.example");
  const b = endpoint("b.example");
  scan(a, "192.0.2.1", 1, "2027-01-01T00:00:00.000Z");
  scan(a, "192.0.2.1", 2, "2027-02-01T00:00:00.000Z");
  scan(a, "2001:db8::1", 3, null);
  scan(b, "192.0.2.9", 4, "2026-12-01T00:00:00.000Z");
  const latest = latestScansFor(t.db, a);
  expect(latest.map((s) => [s.ip, s.jobId]).sort()).toEqual([
    ["192.0.2.1", `${a}-192.0.2.1-2`],
    ["2001:db8::1", `${a}-2001:db8::1-3`],
  ]);
});

it("listEndpoints puts the soonest expiry first and never-scanned endpoints last", () => {
  const late = endpoint("late.example");
  const soon = endpoint("soon.example");
  endpoint("new.example");
  scan(late, "192.0.2.1", 1, "2027-06-01T00:00:00.000Z");
  scan(soon, "192.0.2.2", 2, "2026-12-01T00:00:00.000Z");
  const list = listEndpoints(t.db);
  expect(list.map((i) => i.endpoint.host)).toEqual(["soon.example", "late.example", "new.example"]);
  expect(list[0]?.notAfter).toBe("2026-12-01T00:00:00.000Z");
  expect(list[2]?.lastScan).toBeNull();
});
