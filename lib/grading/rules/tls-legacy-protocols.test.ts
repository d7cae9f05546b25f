import { describe, expect, it } from "vitest";
import { contextFor, protocols } from "../test-factory";
import { tlsLegacyProtocols } from "./tls-legacy-protocols";

describe("tlsLegacyProtocols", () => {
  it("caps at B naming both legacy versions", () => {
    const f = tlsLegacyProtocols(contextFor({ protocols: protocols("TLSv1.0", "TLSv1.1", "TLSv1.2") }));
    expect(f?.effect).toBe("B");
    expect(f?.reason).toBe("This server supports TLS 1.0 and TLS 1.1. Grade capped to B.");
    expect(f?.fix).toContain("SSLProtocol -all +TLSv1.2 +TLSv1.3");
    expect(f?.fix).toContain("protocols tls1.2 tls1.3");
    expect(f?.fix).toContain("ssl-min-ver TLSv1.2");
    expect(f?.fix).toContain("minVersion: 'TLSv1.2'");
  });
  it("names only TLS 1.1 when TLS 1.0 is off", () => {
    const f = tlsLegacyProtocols(contextFor({ protocols: protocols("TLSv1.1", "TLSv1.2") }));
    expect(f?.reason).toBe("This server supports TLS 1.1. Grade capped to B.");
  });
  it("stays silent for TLS 1.2 + 1.3", () => {
    expect(tlsLegacyProtocols(contextFor())).toBeNull();
  });
});
