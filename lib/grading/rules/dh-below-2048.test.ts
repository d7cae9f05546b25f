import { describe, expect, it } from "vitest";
import { contextFor } from "../test-factory";
import { dhBelow2048 } from "./dh-below-2048";

describe("dhBelow2048", () => {
  it("caps 1024-bit DH at B", () => {
    const f = dhBelow2048(contextFor({ keyExchange: { groups: ["X25519"], dhBits: 1024 } }));
    expect(f?.effect).toBe("B");
    expect(f?.fix).toContain("ssl_dhparam");
    expect(f?.fix).toContain("dhparam: 'auto'");
  });
  it("counts a TLS 1.3 ffdhe group like DH parameters", () => {
    expect(dhBelow2048(contextFor({ keyExchange: { groups: ["ffdhe2048"], dhBits: null } }))).toBeNull();
  });
  it("stays silent for 2048 bits, below 1024 (F rule) and without DHE", () => {
    expect(dhBelow2048(contextFor({ keyExchange: { groups: [], dhBits: 2048 } }))).toBeNull();
    expect(dhBelow2048(contextFor({ keyExchange: { groups: [], dhBits: 768 } }))).toBeNull();
    expect(dhBelow2048(contextFor())).toBeNull();
  });
});
