import { describe, expect, it } from "vitest";
import { contextFor } from "../test-factory";
import { tlsCompression } from "./tls-compression";

describe("tlsCompression", () => {
  it("caps at C when TLS compression is on", () => {
    const f = tlsCompression(contextFor({ compression: true }));
    expect(f?.effect).toBe("C");
    expect(f?.reason).toContain("CRIME");
  });
  it("stays silent when off or unknown", () => {
    expect(tlsCompression(contextFor())).toBeNull();
    expect(tlsCompression(contextFor({ compression: null }))).toBeNull();
  });
});
