import { describe, expect, it } from "vitest";
import { contextFor } from "../test-factory";
import { HSTS_A_PLUS_MIN_AGE, hstsBelowAPlus } from "./hsts-below-a-plus";

const hsts = (maxAge: number) => ({ maxAge, includeSubDomains: false, preload: false });

describe("hstsBelowAPlus", () => {
  it("caps at A without HSTS or below 180 days", () => {
    expect(hstsBelowAPlus(contextFor({ hsts: null }))?.effect).toBe("A");
    expect(hstsBelowAPlus(contextFor({ hsts: hsts(HSTS_A_PLUS_MIN_AGE - 1) }))?.reason).toContain("15551999");
  });
  it("stays silent at exactly 15552000 seconds", () => {
    expect(hstsBelowAPlus(contextFor({ hsts: hsts(15_552_000) }))).toBeNull();
  });
  it("leaves max-age=0 to the warning rule", () => {
    expect(hstsBelowAPlus(contextFor({ hsts: hsts(0) }))).toBeNull();
  });
});
