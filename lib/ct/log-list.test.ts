import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { parseLogList } from "./log-list";
import { intervalOver, selectLogsToTail, verifyLogListSignature } from "./log-selection";
import { fixture } from "./test-fixtures";

const gstaticBytes = fixture("loglists/gstatic_v3_all_logs_list.json");
const gstatic = parseLogList(gstaticBytes);
const apple = parseLogList(fixture("loglists/apple_current_log_list.json"));
const now = new Date("2026-08-20T14:00:00Z");

describe("log list v3", () => {
  it("verifies Google's detached signature over the exact bytes", () => {
    const sig = fixture("loglists/gstatic_v3_all_logs_list.sig");
    const pem = fixture("loglists/gstatic_log_list_pubkey.pem").toString();
    expect(verifyLogListSignature(gstaticBytes, sig, pem)).toBe(true);
    const changed = Buffer.from(gstaticBytes);
    changed[100] = changed[100]! ^ 1;
    expect(verifyLogListSignature(changed, sig, pem)).toBe(false);
    expect(verifyLogListSignature(gstaticBytes, sig.subarray(1), pem)).toBe(false);
    expect(() => verifyLogListSignature(gstaticBytes, sig, "nope")).toThrow(CertwatchError);
  });

  it("parses Google's list with both RFC 6962 and tiled logs and their states", () => {
    expect(gstatic).toMatchObject({ version: "89.25", isAllLogs: true });
    const count = (kind: string, state: string | null) =>
      gstatic.logs.filter((l) => l.kind === kind && l.state === state).length;
    expect([count("rfc6962", "usable"), count("rfc6962", "readonly"), count("rfc6962", "retired")]).toEqual([
      21, 2, 3,
    ]);
    expect([count("rfc6962", "rejected"), count("rfc6962", null)]).toEqual([9, 7]);
    expect([count("static", "usable"), count("static", "qualified"), count("static", "pending")]).toEqual([
      16, 6, 16,
    ]);
    const argon = gstatic.logs.find((l) => l.description === "Google 'Argon2026h1' log")!;
    expect(argon).toMatchObject({ kind: "rfc6962", state: "rejected", mmd: 86400 });
    expect(argon.temporalInterval?.endExclusive.toISOString()).toBe("2026-07-01T00:00:00.000Z");
    const tiled = gstatic.logs.find((l) => l.kind === "static" && l.state === "usable")!;
    expect(tiled.monitoringUrl).toMatch(/^https:\/\//);
    expect(tiled.submissionUrl).toMatch(/^https:\/\//);
    const readonly = gstatic.logs.find((l) => l.state === "readonly")!;
    expect(readonly.finalTreeHead?.treeSize).toBeGreaterThan(0);
  });

  it("parses Apple's, Mozilla's (state history: latest wins) and crt.sh's lists", () => {
    expect(apple.logs.length).toBeGreaterThan(100);
    const mozilla = parseLogList(fixture("loglists/mozilla_v3_known_logs_list.json"));
    expect(mozilla.logs.filter((l) => l.state === "usable")).toHaveLength(45);
    expect(selectLogsToTail(mozilla, now)).toHaveLength(0); // no URLs in Mozilla's list
    const crtsh = parseLogList(fixture("loglists/crtsh_v3_all_all_logs_list.json"));
    expect(crtsh.logs.some((l) => l.logType === "test")).toBe(true);
  });

  it("selects qualified/usable/readonly logs whose shard is not over, skipping test and pending", () => {
    const chosen = selectLogsToTail(gstatic, now);
    expect(chosen.length).toBeGreaterThan(30);
    for (const l of chosen) {
      expect(["qualified", "usable", "readonly"]).toContain(l.state);
      expect(intervalOver(l, now)).toBe(false);
      expect(l.logType).not.toBe("test");
    }
    expect(chosen.some((l) => l.kind === "static")).toBe(true);
    expect(chosen.find((l) => l.description.includes("Argon2026h1"))).toBeUndefined();
    // Later, more shards end: the 2026h2 logs drop out once 2027 begins.
    expect(selectLogsToTail(gstatic, new Date("2027-01-02T00:00:00Z")).length).toBeLessThan(chosen.length);
  });

  it("merges lists without duplicates (Chrome ∪ Apple, as certspotter)", () => {
    const union = selectLogsToTail([gstatic, apple], now);
    expect(new Set(union.map((l) => l.logId)).size).toBe(union.length);
    expect(union.length).toBeGreaterThanOrEqual(selectLogsToTail(gstatic, now).length);
  });

  it("rejects lists that do not match the schema", () => {
    expect(() => parseLogList("{")).toThrow(/not JSON/);
    expect(() => parseLogList({ operators: [{ name: "x", logs: [{ log_id: 5 }] }] })).toThrow(
      /operators.0.logs.0/,
    );
    expect(() => parseLogList({})).toThrow(CertwatchError);
  });
});
