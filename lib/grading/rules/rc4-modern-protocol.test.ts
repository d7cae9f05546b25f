import { describe, expect, it } from "vitest";
import { contextFor, protocols, simulations, suite, suites, TLS12_MODERN_SUITES } from "../test-factory";
import { rc4ModernProtocol } from "./rc4-modern-protocol";

const RC4 = "TLS_RSA_WITH_RC4_128_SHA";

describe("rc4ModernProtocol", () => {
  it("caps at C when a reference client negotiates RC4 over TLS 1.2", () => {
    const ctx = contextFor({
      cipherSuites: suites([...TLS12_MODERN_SUITES, RC4], "TLSv1.2"),
      clientSimulations: simulations(null, RC4),
    });
    const f = rc4ModernProtocol(ctx);
    expect(f?.effect).toBe("C");
    expect(f?.reason).toContain("RC4");
  });
  it("leaves RC4 that no reference client picks alone", () => {
    expect(
      rc4ModernProtocol(contextFor({ cipherSuites: suites([...TLS12_MODERN_SUITES, RC4], "TLSv1.2") })),
    ).toBeNull();
  });
  it("without simulations, ignores RC4 offered only over TLS 1.0", () => {
    const ctx = contextFor({
      protocols: protocols("TLSv1.0", "TLSv1.2"),
      cipherSuites: [...suites(TLS12_MODERN_SUITES, "TLSv1.2"), suite(RC4, "TLSv1.0")],
      clientSimulations: [],
    });
    expect(rc4ModernProtocol(ctx)).toBeNull();
  });
});
