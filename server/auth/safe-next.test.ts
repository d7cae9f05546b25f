import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath (no open redirects after sign-in)", () => {
  it("keeps local paths and replaces everything else with /", () => {
    expect(safeNextPath("/endpoints/3?tab=chain")).toBe("/endpoints/3?tab=chain");
    for (const bad of [
      null,
      undefined,
      "",
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "evil",
      "/a\r\nSet-Cookie: x",
    ]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});
