import path from "node:path";
import { describe, expect, it } from "vitest";
import { CT_FIXTURES, fixture } from "../test-fixtures";
import { loadLogList, signatureSource } from "./load-log-list";

const list = path.join(CT_FIXTURES, "loglists/gstatic_v3_all_logs_list.json");

describe("loadLogList", () => {
  it("verifies Google's signature over the real list file and selects logs of both types", async () => {
    const pem = fixture("loglists/gstatic_log_list_pubkey.pem").toString();
    // The .sig sits next to the file under Google's naming (…_list.sig)
    expect(signatureSource(list)).toMatch(/gstatic_v3_all_logs_list\.sig$/);
    const r = await loadLogList({ source: list, publicKeyPem: pem, now: new Date("2026-08-21T00:00:00Z") });
    expect(r.signatureVerified).toBe(true);
    expect(r.tailed.some((l) => l.kind === "static")).toBe(true);
    expect(r.tailed.some((l) => l.kind === "rfc6962")).toBe(true);
    expect(
      r.tailed.every((l) => l.state === "usable" || l.state === "qualified" || l.state === "readonly"),
    ).toBe(true);
  });

  it("refuses a list whose signature does not verify", async () => {
    const other = path.join(CT_FIXTURES, "loglists/apple_current_log_list.json");
    const pem = fixture("loglists/gstatic_log_list_pubkey.pem").toString();
    await expect(loadLogList({ source: other, publicKeyPem: pem })).rejects.toThrow(
      /cannot read|does not verify/i,
    );
  });

  it("reports a missing file as CT_LOG_LIST_UNAVAILABLE", async () => {
    await expect(loadLogList({ source: "/nonexistent/list.json" })).rejects.toMatchObject({
      code: "CT_LOG_LIST_UNAVAILABLE",
    });
  });
});
