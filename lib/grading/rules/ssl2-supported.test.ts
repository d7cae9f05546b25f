import { describe, expect, it } from "vitest";
import { contextFor, protocols } from "../test-factory";
import { ssl2Supported } from "./ssl2-supported";

describe("ssl2Supported", () => {
  it("gives F when SSL 2.0 is accepted", () => {
    const f = ssl2Supported(contextFor({ protocols: protocols("SSLv2", "TLSv1.2") }));
    expect(f?.effect).toBe("F");
    expect(f?.reason).toContain("SSL 2.0");
    expect(f?.fix).toContain("ssl_protocols TLSv1.2 TLSv1.3;");
  });
  it("stays silent for a modern server", () => {
    expect(ssl2Supported(contextFor())).toBeNull();
  });
});
