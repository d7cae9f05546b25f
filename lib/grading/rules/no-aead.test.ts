import { describe, expect, it } from "vitest";
import { contextFor, simulations, suites, TLS12_MODERN_SUITES } from "../test-factory";
import { noAead } from "./no-aead";

const CBC = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";

describe("noAead", () => {
  it("caps at B (not A-) when reference clients get CBC", () => {
    const f = noAead(
      contextFor({ cipherSuites: suites([CBC], "TLSv1.2"), clientSimulations: simulations(null, CBC) }),
    );
    expect(f?.effect).toBe("B");
    expect(f?.reason).toContain("authenticated encryption (AEAD)");
    expect(f?.reason).toContain("Chrome gets");
  });
  it("does not penalise CBC kept behind GCM", () => {
    expect(noAead(contextFor({ cipherSuites: suites([...TLS12_MODERN_SUITES, CBC], "TLSv1.2") }))).toBeNull();
  });
  it("without simulations, caps only when no AEAD suite is offered", () => {
    const ctx = contextFor({ cipherSuites: suites([CBC], "TLSv1.2"), clientSimulations: [] });
    expect(noAead(ctx)?.effect).toBe("B");
    expect(noAead(contextFor({ clientSimulations: [] }))).toBeNull();
  });
});
