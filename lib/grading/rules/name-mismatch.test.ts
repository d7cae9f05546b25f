import { describe, expect, it } from "vitest";
import { contextFor, modernAssessment } from "../test-factory";
import { nameMismatch } from "./name-mismatch";

describe("nameMismatch", () => {
  it("sets M naming the requested host", () => {
    const f = nameMismatch(contextFor({ chain: { ...modernAssessment().chain!, hostnameMatch: false } }));
    expect(f?.effect).toBe("M");
    expect(f?.reason).toContain('"example.test"');
  });
  it("stays silent when the name matches", () => {
    expect(nameMismatch(contextFor())).toBeNull();
  });
});
