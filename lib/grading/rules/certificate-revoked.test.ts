import { describe, expect, it } from "vitest";
import { contextFor, revokedStatus } from "../test-factory";
import { certificateRevoked } from "./certificate-revoked";

describe("certificateRevoked", () => {
  it("gives F (not T) for a revoked certificate", () => {
    const f = certificateRevoked(contextFor({ revocation: revokedStatus("keyCompromise") }));
    expect(f?.effect).toBe("F");
    expect(f?.reason).toContain("revoked (reason: keyCompromise)");
  });
  it("stays silent for good, unknown or unchecked revocation", () => {
    const good = { ...revokedStatus()!, status: "good" as const };
    const unknown = { ...revokedStatus()!, status: "unknown" as const };
    expect(certificateRevoked(contextFor({ revocation: good }))).toBeNull();
    expect(certificateRevoked(contextFor({ revocation: unknown }))).toBeNull();
    expect(certificateRevoked(contextFor())).toBeNull();
  });
});
