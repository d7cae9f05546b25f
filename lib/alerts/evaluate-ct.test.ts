import { describe, expect, it } from "vitest";
import {
  type CtIssuance,
  type CtLogHealth,
  evaluateCtHealth,
  evaluateCtIssuances,
  parseCtAlertState,
} from "./evaluate-ct";
import { DEFAULT_ALERT_POLICY, resolvePolicy } from "./policy";

const NOW = new Date("2026-03-01T06:00:00Z");
const issuance = (
  id: string,
  issuer = "CN=R12, O=Let's Encrypt",
  spki: string | null = null,
): CtIssuance => ({
  id,
  spkiSha256: spki,
  names: ["shop.example.com", "example.com"],
  issuer,
  notBefore: "2026-02-28T00:00:00Z",
  notAfter: "2026-05-29T00:00:00Z",
  logName: "Sphinx 2026h1",
});
const base = { watchId: "w1", knownIds: [], knownSpkis: [], policy: DEFAULT_ALERT_POLICY, now: NOW };

describe("CT unexpected issuance", () => {
  it("alerts once per certificate (precertificate and final share an id), keyed on the watch", () => {
    const d = evaluateCtIssuances({ ...base, issuances: [issuance("ab01"), issuance("AB:01")] });
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ event: "ct_unexpected_issuance", severity: "warning", endpointId: null });
    expect(d[0]!.dedupeKey).toBe("v1|ct:w1|-|ab01|ct_unexpected_issuance|-");
    expect(d[0]!.title).toBe("Unexpected certificate for shop.example.com and 1 more");
    expect(d[0]!.linkPath).toBe("/ct/w1");
  });

  it("stays quiet for known certificates and authorised keys", () => {
    const issuances = [issuance("ab01"), issuance("cd02", undefined, "5b:1c")];
    expect(evaluateCtIssuances({ ...base, issuances, knownIds: ["AB01"], knownSpkis: ["5b1c"] })).toEqual([]);
  });

  it("is critical when the issuer is outside the allowed CAs", () => {
    const policy = resolvePolicy({ endpoint: { ctAllowedIssuers: ["let's encrypt"] } });
    const d = evaluateCtIssuances({
      ...base,
      policy,
      issuances: [issuance("ab01"), issuance("cd02", "CN=Other CA, O=Elsewhere")],
    });
    expect(d.map((x) => x.severity)).toEqual(["warning", "critical"]);
    expect(d[1]!.title).toContain("from a CA you did not allow");
  });
});

describe("CT watcher behind", () => {
  const log = (lastContactMinutesAgo: number | null, backlog = 0): CtLogHealth => ({
    logId: "sphinx2026h1",
    name: "Sphinx 2026h1",
    backlog,
    lastContactAt:
      lastContactMinutesAgo === null
        ? null
        : new Date(NOW.getTime() - lastContactMinutesAgo * 60_000).toISOString(),
  });

  it("fires when a log is stale or backlogged, once, and resolves when it catches up", () => {
    let state = parseCtAlertState(undefined);
    const seen: string[] = [];
    for (const l of [log(5), log(90), log(120), log(1, 500_000), log(1)]) {
      const r = evaluateCtHealth({ previousState: state, logs: [l], policy: DEFAULT_ALERT_POLICY, now: NOW });
      state = parseCtAlertState(JSON.parse(JSON.stringify(r.nextState)));
      seen.push(r.decisions.map((d) => d.status).join(","));
    }
    expect(seen).toEqual(["", "firing", "", "", "resolved"]);
  });

  it("counts a log never contacted as behind", () => {
    const r = evaluateCtHealth({
      previousState: parseCtAlertState(null),
      logs: [log(null)],
      policy: DEFAULT_ALERT_POLICY,
      now: NOW,
    });
    expect(r.decisions[0]).toMatchObject({
      event: "ct_watcher_behind",
      threshold: "sphinx2026h1",
      linkPath: "/ct",
    });
  });
});
