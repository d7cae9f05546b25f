import { describe, expect, it } from "vitest";
import { type Consulted, decide } from "./policy";
import { type SourceResult, unknownResult, verifiedResult } from "./types";

const t = { thisUpdate: "2026-01-01T00:00:00.000Z", nextUpdate: "2026-01-08T00:00:00.000Z" };
const good = (): SourceResult => verifiedResult("good", t);
const revoked = (): SourceResult =>
  verifiedResult("revoked", t, { revokedAt: "2025-12-31T00:00:00.000Z", revocationReason: "keyCompromise" });

describe("decide", () => {
  it("lets a verified revoked win over a good from another source", () => {
    const v = decide(
      [
        { source: "staple", result: good() },
        { source: "crl", result: revoked() },
      ],
      [],
      "none",
    );
    expect(v).toMatchObject({ status: "revoked", method: "crl", revokedAt: "2025-12-31T00:00:00.000Z" });
    expect(v.reason).toBe("Revoked at 2025-12-31T00:00:00.000Z (keyCompromise) according to the CRL");
  });

  it("never counts an unverified answer, even one claiming revoked", () => {
    const forged: SourceResult = {
      ...revoked(),
      verified: false,
      error: "OCSP response signature does not verify",
    };
    const v = decide([{ source: "ocsp", result: forged }], [], "none");
    expect(v).toMatchObject({
      status: "unknown",
      method: null,
      reason: "OCSP response signature does not verify",
    });
  });

  it("is good when a source verified good, keeping notes", () => {
    const consulted: Consulted[] = [
      { source: "crl", result: unknownResult("CRL x returned HTTP 404") },
      { source: "ocsp", result: good() },
    ];
    expect(decide(consulted, ["must-staple note"], "none")).toMatchObject({
      status: "good",
      method: "ocsp",
      reason: "must-staple note",
    });
  });

  it("explains unknown with every reason, or the lack of sources", () => {
    const consulted: Consulted[] = [
      { source: "crl", result: unknownResult("CRL expired") },
      { source: "ocsp", result: unknownResult("timeout") },
    ];
    expect(decide(consulted, [], "no sources").reason).toBe("CRL expired; timeout");
    expect(decide([], [], "no sources")).toMatchObject({ status: "unknown", reason: "no sources" });
  });
});
