import { describe, expect, it } from "vitest";
import { profileHello, REFERENCE_CLIENTS } from "./clients";
import { parseClientHello } from "./raw/client-hello-parse";
import { suiteByCode } from "./suites";

describe("reference clients", () => {
  it("are known suites in a TLS 1.3+1.2 and TLS 1.2-only mix", () => {
    for (const c of REFERENCE_CLIENTS) {
      for (const s of c.suites) expect(suiteByCode(s), `${c.name} 0x${s.toString(16)}`).not.toBeNull();
    }
    expect(REFERENCE_CLIENTS.filter((c) => c.maxVersion === "TLSv1.2").length).toBeGreaterThan(0);
    expect(
      REFERENCE_CLIENTS.filter((c) => c.maxVersion === "TLSv1.3").map((c) => c.name.split(" ")[0]),
    ).toEqual(["Chrome", "Firefox", "Safari"]);
  });

  it("send their suites in their own order, GREASE first where the client greases", () => {
    for (const c of REFERENCE_CLIENTS) {
      const rec = profileHello(c, "example.com");
      const hello = parseClientHello(rec.subarray(9, 9 + rec.readUIntBE(6, 3)));
      const suites = c.grease ? hello.suites.slice(1) : hello.suites;
      expect(suites).toEqual(c.suites);
      if (c.grease) expect(hello.suites[0]! & 0x0f0f).toBe(0x0a0a);
      expect(hello.serverName).toBe("example.com");
      expect(hello.supportedVersions.includes(0x0304)).toBe(c.maxVersion === "TLSv1.3");
    }
  });
});
