import { describe, expect, it } from "vitest";
import { contextFor } from "../test-factory";
import { hstsInvalid } from "./hsts-invalid";

describe("hstsInvalid", () => {
  it("warns for max-age=0", () => {
    const f = hstsInvalid(contextFor({ hsts: { maxAge: 0, includeSubDomains: false, preload: false } }));
    expect(f?.effect).toBe("warning");
    expect(f?.fix).toContain("Strict-Transport-Security");
  });
  it("stays silent for a missing or positive HSTS", () => {
    expect(hstsInvalid(contextFor({ hsts: null }))).toBeNull();
    expect(hstsInvalid(contextFor())).toBeNull();
  });
});
