import { describe, expect, it } from "vitest";
import { contextFor, modernAssessment } from "../test-factory";
import { certificateUntrusted } from "./certificate-untrusted";

const a = modernAssessment();
const untrusted = (trustError: string | null, complete = true) =>
  contextFor({ chain: { ...a.chain!, trusted: false, trustError, complete } });

describe("certificateUntrusted", () => {
  it("sets T for self-signed, expired and unknown-CA certificates", () => {
    expect(certificateUntrusted(untrusted("DEPTH_ZERO_SELF_SIGNED_CERT"))?.reason).toContain("self-signed");
    expect(certificateUntrusted(untrusted("CERT_HAS_EXPIRED"))?.reason).toContain("expired");
    expect(certificateUntrusted(untrusted("SELF_SIGNED_CERT_IN_CHAIN"))?.effect).toBe("T");
    expect(certificateUntrusted(untrusted("SOMETHING_NEW"))?.reason).toContain("SOMETHING_NEW");
  });
  it("sets T for a missing serverAuth EKU or an expiry the validator did not report", () => {
    expect(
      certificateUntrusted(contextFor({ certificate: { ...a.certificate!, serverAuthEku: false } }))?.effect,
    ).toBe("T");
    expect(
      certificateUntrusted(contextFor({ certificate: { ...a.certificate!, daysRemaining: -1 } }))?.effect,
    ).toBe("T");
  });
  it("leaves key-size and digest rejections to their own rules (RSA-1024 is B, not T)", () => {
    expect(certificateUntrusted(untrusted("EE_KEY_TOO_SMALL"))).toBeNull();
    expect(certificateUntrusted(untrusted("CA_MD_TOO_WEAK"))).toBeNull();
  });
  it("leaves an incomplete chain to the chain rule, but still reports other failures", () => {
    expect(certificateUntrusted(untrusted("UNABLE_TO_GET_ISSUER_CERT_LOCALLY", false))).toBeNull();
    expect(certificateUntrusted(untrusted("CERT_HAS_EXPIRED", false))?.effect).toBe("T");
  });
  it("uses lib/x509's 'CODE: message' form, keeping the message", () => {
    const f = certificateUntrusted(untrusted("EXPIRED: The certificate expired on 2025-01-01"));
    expect(f?.reason).toBe(
      "This server's certificate is not trusted: the certificate expired on 2025-01-01. Grade set to T.",
    );
    expect(certificateUntrusted(untrusted("SELF_SIGNED"))?.reason).toContain("self-signed");
    expect(certificateUntrusted(untrusted("INCOMPLETE_CHAIN: The server does not send X", false))).toBeNull();
    expect(
      certificateUntrusted(untrusted("UNKNOWN_ISSUER: The issuer CN=X is unknown", false))?.reason,
    ).toContain("the issuer CN=X is unknown");
  });
  it("stays silent for a trusted certificate", () => {
    expect(certificateUntrusted(contextFor())).toBeNull();
  });
});
