import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHsts } from "./hsts-parse";

describe("parseHsts", () => {
  it.each([
    ["max-age=31536000", { maxAge: 31536000, includeSubDomains: false, preload: false }],
    [
      "max-age=63072000; includeSubDomains; preload",
      { maxAge: 63072000, includeSubDomains: true, preload: true },
    ],
    ['MAX-AGE="600" ; INCLUDESUBDOMAINS', { maxAge: 600, includeSubDomains: true, preload: false }],
    ["max-age=0", { maxAge: 0, includeSubDomains: false, preload: false }],
    ["includeSubDomains; max-age=10; unknown=x;", { maxAge: 10, includeSubDomains: true, preload: false }],
  ])("%j", (header, hsts) => {
    expect(parseHsts(header)).toEqual({ hsts, invalidReason: null });
  });

  it.each([
    ["includeSubDomains", "max-age is missing"],
    ["max-age=abc", "not a number"],
    ["max-age=-1", "not a number"],
    ["max-age=", "malformed value"],
    ["max-age=1; max-age=2", "more than once"],
    ["max-age=1, max-age=2", "malformed value"],
    ['max-age="5', "malformed value"],
    ["max age=5", "malformed directive"],
    ["", "max-age is missing"],
  ])("rejects %j", (header, reason) => {
    const r = parseHsts(header);
    expect(r.hsts).toBeNull();
    expect(r.invalidReason).toContain(reason);
  });

  it("treats an absent header as absent, not invalid", () => {
    expect(parseHsts(null)).toEqual({ hsts: null, invalidReason: null });
  });

  it("never throws and always explains a rejection", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseHsts(s);
        return (r.hsts === null) === (r.invalidReason !== null);
      }),
    );
  });
});
