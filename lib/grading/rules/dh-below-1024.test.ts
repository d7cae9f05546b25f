import { describe, expect, it } from "vitest";
import { contextFor } from "../test-factory";
import { dhBelow1024 } from "./dh-below-1024";

describe("dhBelow1024", () => {
  it("gives F for 512-bit DH parameters", () => {
    const f = dhBelow1024(contextFor({ keyExchange: { groups: ["X25519"], dhBits: 512 } }));
    expect(f?.effect).toBe("F");
    expect(f?.reason).toContain("512-bit");
  });
  it("stays silent for 1024 bits and without DHE", () => {
    expect(dhBelow1024(contextFor({ keyExchange: { groups: [], dhBits: 1024 } }))).toBeNull();
    expect(dhBelow1024(contextFor())).toBeNull();
  });
});
