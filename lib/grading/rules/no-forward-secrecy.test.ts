import { describe, expect, it } from "vitest";
import { CHROME, IE11_WIN7 } from "@/lib/tls/raw/client-profiles";
import { contextFor, simulation, simulations, suite, suites, TLS12_MODERN_SUITES } from "../test-factory";
import { noForwardSecrecy } from "./no-forward-secrecy";

const RSA_GCM = "TLS_RSA_WITH_AES_128_GCM_SHA256";
const withRsaFallback = suites([...TLS12_MODERN_SUITES, RSA_GCM], "TLSv1.2");

describe("noForwardSecrecy", () => {
  it("caps at B when a reference client negotiates a non-FS suite", () => {
    const sims = [...simulations("TLS_AES_128_GCM_SHA256", TLS12_MODERN_SUITES[0]!)];
    sims[3] = simulation("TLS 1.2 client", "TLSv1.2", RSA_GCM);
    const f = noForwardSecrecy(contextFor({ cipherSuites: withRsaFallback, clientSimulations: sims }));
    expect(f?.effect).toBe("B");
    expect(f?.reason).toContain("reference browsers");
    expect(f?.reason).toContain(`TLS 1.2 client gets ${RSA_GCM} over TLS 1.2`);
  });
  it("does not penalise a non-FS suite no reference client picks", () => {
    expect(noForwardSecrecy(contextFor({ cipherSuites: withRsaFallback }))).toBeNull();
  });
  it("without simulations, caps only when no FS suite is offered at all", () => {
    expect(noForwardSecrecy(contextFor({ cipherSuites: withRsaFallback, clientSimulations: [] }))).toBeNull();
    const f = noForwardSecrecy(contextFor({ cipherSuites: [suite(RSA_GCM)], clientSimulations: [] }));
    expect(f?.effect).toBe("B");
    expect(f?.reason).toContain("no forward secrecy");
  });
  it("does not penalise a non-FS pick by a client that shares no FS suite with the server", () => {
    const offered = suites(["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", RSA_GCM], "TLSv1.2");
    const ie = simulation(IE11_WIN7.name, "TLSv1.2", RSA_GCM);
    expect(noForwardSecrecy(contextFor({ cipherSuites: offered, clientSimulations: [ie] }))).toBeNull();
    const chrome = simulation(CHROME.name, "TLSv1.2", RSA_GCM);
    expect(noForwardSecrecy(contextFor({ cipherSuites: offered, clientSimulations: [chrome] }))?.effect).toBe(
      "B",
    );
  });
  it("falls back to support when every simulated handshake failed", () => {
    const failed = simulations(null, RSA_GCM).map((s) => ({ ...s, suite: null, protocol: null }));
    const ctx = contextFor({ cipherSuites: [suite(RSA_GCM)], clientSimulations: failed });
    expect(ctx.reference.source).toBe("support");
    expect(noForwardSecrecy(ctx)?.effect).toBe("B");
  });
});
