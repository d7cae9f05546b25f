import { describe, expect, it } from "vitest";
import { contextFor, suite } from "../test-factory";
import { anonymousSuites } from "./anonymous-suites";

describe("anonymousSuites", () => {
  it("gives F for anonymous key exchange, which also zeroes the key exchange score", () => {
    const ctx = contextFor({
      cipherSuites: [...contextFor().assessment.cipherSuites, suite("TLS_ECDH_anon_WITH_AES_128_CBC_SHA")],
    });
    expect(anonymousSuites(ctx)?.effect).toBe("F");
    expect(ctx.scores.keyExchange).toBe(0);
    expect(ctx.scores.score).toBe(0);
  });
  it("stays silent for a modern server", () => {
    expect(anonymousSuites(contextFor())).toBeNull();
  });
});
