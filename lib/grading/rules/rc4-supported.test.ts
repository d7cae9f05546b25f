import { describe, expect, it } from "vitest";
import { contextFor, suite } from "../test-factory";
import { rc4Supported } from "./rc4-supported";

describe("rc4Supported", () => {
  it("caps at B when any RC4 suite is offered", () => {
    const f = rc4Supported(
      contextFor({
        cipherSuites: [...contextFor().assessment.cipherSuites, suite("TLS_RSA_WITH_RC4_128_SHA", "TLSv1.0")],
      }),
    );
    expect(f?.effect).toBe("B");
    expect(f?.reason).toContain("TLS_RSA_WITH_RC4_128_SHA");
  });
  it("recognises OpenSSL spellings too", () => {
    expect(rc4Supported(contextFor({ cipherSuites: [suite("ECDHE-RSA-RC4-SHA")] }))?.effect).toBe("B");
  });
  it("stays silent without RC4", () => {
    expect(rc4Supported(contextFor())).toBeNull();
  });
});
