import { describe, expect, it } from "vitest";
import { contextFor, protocols } from "../test-factory";
import { ssl3Supported } from "./ssl3-supported";

describe("ssl3Supported", () => {
  it("caps at B when SSL 3.0 is accepted", () => {
    const f = ssl3Supported(contextFor({ protocols: protocols("SSLv3", "TLSv1.2") }));
    expect(f?.effect).toBe("B");
    expect(f?.reason).toBe("This server supports SSL 3.0, which is obsolete. Grade capped to B.");
  });
  it("stays silent without SSL 3.0", () => {
    expect(ssl3Supported(contextFor())).toBeNull();
  });
});
