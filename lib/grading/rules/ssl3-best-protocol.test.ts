import { describe, expect, it } from "vitest";
import { contextFor, protocols } from "../test-factory";
import { ssl3BestProtocol } from "./ssl3-best-protocol";

describe("ssl3BestProtocol", () => {
  it("gives F when SSL 3.0 is the newest protocol", () => {
    expect(ssl3BestProtocol(contextFor({ protocols: protocols("SSLv2", "SSLv3") }))?.effect).toBe("F");
  });
  it("stays silent when any TLS version is there too", () => {
    expect(ssl3BestProtocol(contextFor({ protocols: protocols("SSLv3", "TLSv1.0") }))).toBeNull();
    expect(ssl3BestProtocol(contextFor())).toBeNull();
  });
});
