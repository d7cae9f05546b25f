import { describe, expect, it } from "vitest";
import { contextFor, protocols } from "../test-factory";
import { tls13Missing } from "./tls13-missing";

describe("tls13Missing", () => {
  it("warns (A-) without TLS 1.3", () => {
    const f = tls13Missing(contextFor({ protocols: protocols("TLSv1.2") }));
    expect(f?.effect).toBe("warning");
    expect(f?.reason).toContain("Grade reduced to A-");
  });
  it("stays silent with TLS 1.3", () => {
    expect(tls13Missing(contextFor())).toBeNull();
  });
});
