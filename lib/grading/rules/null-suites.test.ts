import { describe, expect, it } from "vitest";
import { contextFor, suite } from "../test-factory";
import { nullSuites } from "./null-suites";

describe("nullSuites", () => {
  it("gives F for a NULL-encryption suite", () => {
    const ctx = contextFor({
      cipherSuites: [...contextFor().assessment.cipherSuites, suite("TLS_RSA_WITH_NULL_SHA256")],
    });
    expect(nullSuites(ctx)?.effect).toBe("F");
  });
  it("counts a NULL suite as 0 bits whatever the probe said", () => {
    const ctx = contextFor({ cipherSuites: [{ ...suite("TLS_ECDHE_RSA_WITH_NULL_SHA"), bits: 128 }] });
    expect(ctx.suites[0]?.bits).toBe(0);
    expect(nullSuites(ctx)?.effect).toBe("F");
  });
  it("stays silent for a modern server", () => {
    expect(nullSuites(contextFor())).toBeNull();
  });
});
