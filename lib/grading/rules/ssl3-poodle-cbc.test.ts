import { describe, expect, it } from "vitest";
import { contextFor, protocols, suite } from "../test-factory";
import { ssl3PoodleCbc } from "./ssl3-poodle-cbc";

const withSsl3 = (name: string) =>
  contextFor({
    protocols: protocols("SSLv3", "TLSv1.2"),
    cipherSuites: [suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), suite(name, "SSLv3")],
  });

describe("ssl3PoodleCbc", () => {
  it("caps at C for a CBC suite over SSL 3.0", () => {
    const f = ssl3PoodleCbc(withSsl3("TLS_RSA_WITH_AES_128_CBC_SHA"));
    expect(f?.effect).toBe("C");
    expect(f?.reason).toContain("POODLE");
    expect(f?.reason).toContain("TLS_RSA_WITH_AES_128_CBC_SHA");
  });
  it("ignores RC4-only SSL 3.0 (RC4 has its own rules)", () => {
    expect(ssl3PoodleCbc(withSsl3("TLS_RSA_WITH_RC4_128_SHA"))).toBeNull();
  });
  it("stays silent without SSL 3.0", () => {
    expect(ssl3PoodleCbc(contextFor())).toBeNull();
  });
});
