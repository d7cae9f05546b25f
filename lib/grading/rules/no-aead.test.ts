import { describe, expect, it } from "vitest";
import { CHROME, IE11_WIN7 } from "@/lib/tls/raw/client-profiles";
import { contextFor, simulation, simulations, suites, TLS12_MODERN_SUITES } from "../test-factory";
import { noAead } from "./no-aead";

const CBC = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";
const GCM_AND_CBC = suites([...TLS12_MODERN_SUITES, CBC], "TLSv1.2");

describe("noAead", () => {
  it("caps at B (not A-) when no AEAD suite is offered", () => {
    const ctx = contextFor({
      cipherSuites: suites([CBC], "TLSv1.2"),
      clientSimulations: simulations(null, CBC),
    });
    expect(noAead(ctx)?.effect).toBe("B");
    expect(
      noAead(contextFor({ cipherSuites: suites([CBC], "TLSv1.2"), clientSimulations: [] }))?.effect,
    ).toBe("B");
  });
  it("caps at B when a reference client that could get GCM is given CBC", () => {
    const f = noAead(contextFor({ cipherSuites: GCM_AND_CBC, clientSimulations: simulations(null, CBC) }));
    expect(f?.effect).toBe("B");
    expect(f?.reason).toContain("with the reference browsers (Chrome gets");
  });
  it("does not penalise CBC kept behind GCM", () => {
    expect(noAead(contextFor({ cipherSuites: GCM_AND_CBC }))).toBeNull();
  });
  it("does not penalise a CBC pick by a client that shares no AEAD suite with the server (IE 11 / Win 7)", () => {
    const ie = simulation(IE11_WIN7.name, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
    expect(noAead(contextFor({ cipherSuites: GCM_AND_CBC, clientSimulations: [ie] }))).toBeNull();
    const chrome = simulation(CHROME.name, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
    const withSha1Cbc = suites([...TLS12_MODERN_SUITES, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"], "TLSv1.2");
    expect(noAead(contextFor({ cipherSuites: withSha1Cbc, clientSimulations: [chrome] }))?.effect).toBe("B");
  });
  it("does not penalise a client that could have AEAD only by giving up forward secrecy", () => {
    const ie = simulation(IE11_WIN7.name, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
    const server = suites(
      [...TLS12_MODERN_SUITES, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"],
      "TLSv1.2",
    );
    expect(noAead(contextFor({ cipherSuites: server, clientSimulations: [ie] }))).toBeNull();
  });
});
