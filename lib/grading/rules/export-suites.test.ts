import { describe, expect, it } from "vitest";
import { contextFor, suite } from "../test-factory";
import { exportSuites } from "./export-suites";

describe("exportSuites", () => {
  it("gives F for an EXPORT suite", () => {
    const ctx = contextFor({
      cipherSuites: [
        ...contextFor().assessment.cipherSuites,
        suite("TLS_RSA_EXPORT_WITH_DES40_CBC_SHA", "TLSv1.0"),
      ],
    });
    const f = exportSuites(ctx);
    expect(f?.effect).toBe("F");
    expect(f?.reason).toContain("FREAK");
  });
  it("stays silent for a modern server", () => {
    expect(exportSuites(contextFor())).toBeNull();
  });
});
