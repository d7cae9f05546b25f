import { describe, expect, it } from "vitest";
import { contextFor, protocols, simulations, suite, suites, TLS12_MODERN_SUITES } from "../test-factory";
import { block64ModernProtocol } from "./block64-modern-protocol";

const TRIPLE_DES = "TLS_RSA_WITH_3DES_EDE_CBC_SHA";
const offered = suites([...TLS12_MODERN_SUITES, TRIPLE_DES], "TLSv1.2");

describe("block64ModernProtocol", () => {
  it("caps at C when a reference client negotiates 3DES over TLS 1.2", () => {
    const f = block64ModernProtocol(
      contextFor({ cipherSuites: offered, clientSimulations: simulations(null, TRIPLE_DES) }),
    );
    expect(f?.effect).toBe("C");
    expect(f?.reason).toContain("SWEET32");
    expect(f?.reason).toContain(TRIPLE_DES);
  });
  it("leaves 3DES kept last in the server order alone", () => {
    expect(block64ModernProtocol(contextFor({ cipherSuites: offered }))).toBeNull();
  });
  it("without simulations, caps any 64-bit suite offered over TLS 1.1+", () => {
    const ctx = contextFor({ cipherSuites: offered, clientSimulations: [] });
    expect(block64ModernProtocol(ctx)?.effect).toBe("C");
  });
  it("ignores 3DES offered only over TLS 1.0", () => {
    const ctx = contextFor({
      protocols: protocols("TLSv1.0", "TLSv1.2"),
      cipherSuites: [...suites(TLS12_MODERN_SUITES, "TLSv1.2"), suite(TRIPLE_DES, "TLSv1.0")],
      clientSimulations: [],
    });
    expect(block64ModernProtocol(ctx)).toBeNull();
  });
  it("counts IDEA and single DES as 64-bit block ciphers", () => {
    for (const name of ["TLS_RSA_WITH_IDEA_CBC_SHA", "TLS_RSA_WITH_DES_CBC_SHA"]) {
      const ctx = contextFor({ cipherSuites: [suite(name)], clientSimulations: [] });
      expect(block64ModernProtocol(ctx)?.effect).toBe("C");
    }
  });
});
