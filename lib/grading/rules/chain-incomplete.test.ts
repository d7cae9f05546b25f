import { describe, expect, it } from "vitest";
import { contextFor, modernAssessment } from "../test-factory";
import { chainIncomplete } from "./chain-incomplete";

const chain = modernAssessment().chain!;

describe("chainIncomplete", () => {
  it("caps at B when AIA completed the chain", () => {
    const f = chainIncomplete(contextFor({ chain: { ...chain, complete: false, trusted: true } }));
    expect(f?.effect).toBe("B");
    expect(f?.reason).toBe("This server's certificate chain is incomplete. Grade capped to B.");
    expect(f?.fix).toContain("fullchain.pem");
  });
  it("sets T when AIA could not complete it", () => {
    const f = chainIncomplete(
      contextFor({
        chain: { ...chain, complete: false, trusted: false, trustError: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" },
      }),
    );
    expect(f?.effect).toBe("T");
  });
  it("leaves an unknown issuer without an AIA URL to the untrusted-certificate rule", () => {
    const unknown = {
      ...chain,
      complete: false,
      trusted: false,
      trustError: "UNKNOWN_ISSUER: The issuer CN=X is unknown",
    };
    expect(chainIncomplete(contextFor({ chain: unknown }))).toBeNull();
  });
  it("stays silent for a complete chain", () => {
    expect(chainIncomplete(contextFor())).toBeNull();
  });
});
