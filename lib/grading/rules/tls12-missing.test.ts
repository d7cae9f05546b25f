import { describe, expect, it } from "vitest";
import { contextFor, protocols } from "../test-factory";
import { tls12Missing } from "./tls12-missing";

describe("tls12Missing", () => {
  it("caps at C when the best protocol is TLS 1.1 or older", () => {
    expect(tls12Missing(contextFor({ protocols: protocols("TLSv1.0", "TLSv1.1") }))?.effect).toBe("C");
  });
  it("does not punish a TLS 1.3-only server", () => {
    expect(tls12Missing(contextFor({ protocols: protocols("TLSv1.3") }))).toBeNull();
  });
  it("stays silent with TLS 1.2", () => {
    expect(tls12Missing(contextFor())).toBeNull();
  });
});
