import { describe, expect, it } from "vitest";
import { contextFor } from "../test-factory";
import { secureRenegotiationMissing } from "./secure-renegotiation-missing";

describe("secureRenegotiationMissing", () => {
  it("warns without RFC 5746", () => {
    expect(secureRenegotiationMissing(contextFor({ secureRenegotiation: false }))?.effect).toBe("warning");
  });
  it("stays silent when supported or unknown", () => {
    expect(secureRenegotiationMissing(contextFor())).toBeNull();
    expect(secureRenegotiationMissing(contextFor({ secureRenegotiation: null }))).toBeNull();
  });
});
