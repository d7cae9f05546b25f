import { describe, expect, it } from "vitest";
import { suiteByCode } from "../suites";
import { classify } from "./enum-protocol";
import { overallServerOrder, type ProtocolRun, tristate } from "./findings";
import { candidateSuites, chunk } from "./hellos";

const run = (protocol: ProtocolRun["protocol"], serverOrder: boolean | null): ProtocolRun => ({
  protocol,
  supported: true,
  suites: [],
  hellos: [],
  serverOrder,
  order: null,
});

describe("enumeration helpers", () => {
  it("chunks stay within 128 suites and cover every candidate once", () => {
    const tls12 = candidateSuites("TLSv1.2");
    const chunks = chunk(tls12);
    expect(chunks.every((c) => c.length <= 128)).toBe(true);
    expect(chunks.flat().sort()).toEqual([...tls12].sort());
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });

  it("offers no TLS 1.2-only suite below TLS 1.2, and only 1.3 suites in 1.3", () => {
    expect(candidateSuites("TLSv1.0").some((c) => suiteByCode(c)?.tls12Only)).toBe(false);
    expect(candidateSuites("TLSv1.3").every((c) => suiteByCode(c)?.tls13)).toBe(true);
    expect(candidateSuites("TLSv1.2")).toContain(0xc02f);
  });

  it("classifies answers: protocol_version refuses, timeouts settle nothing", () => {
    expect(
      classify({ kind: "alert", level: 2, description: 70, name: "protocol_version" }, "TLSv1.0", []),
    ).toEqual({
      kind: "rejected",
      versionRefused: true,
    });
    expect(
      classify({ kind: "alert", level: 2, description: 40, name: "handshake_failure" }, "TLSv1.0", []),
    ).toEqual({
      kind: "rejected",
      versionRefused: false,
    });
    const timeout = { kind: "failed", error: { code: "TIMEOUT" } } as Parameters<typeof classify>[0];
    expect(classify(timeout, "TLSv1.2", []).kind).toBe("unknown");
  });

  it("folds per-protocol facts", () => {
    expect(tristate([])).toBeNull();
    expect(tristate([true, true])).toBe("all");
    expect(tristate([true, false])).toBe("some");
    expect(tristate([false])).toBe("none");
    // TLS ≤ 1.2 decides; 1.3 alone only for 1.3-only servers.
    expect(overallServerOrder([run("TLSv1.2", false), run("TLSv1.3", true)])).toBe(false);
    expect(overallServerOrder([run("TLSv1.2", true), run("TLSv1.3", false)])).toBe(true);
    expect(overallServerOrder([run("TLSv1.2", null), run("TLSv1.3", false)])).toBe(false);
    expect(overallServerOrder([run("TLSv1.2", null)])).toBeNull();
  });
});
