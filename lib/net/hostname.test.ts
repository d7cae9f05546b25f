import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { normaliseHostname } from "./hostname";

function rejected(input: string): CertwatchError {
  try {
    normaliseHostname(input);
  } catch (e) {
    expect(e).toBeInstanceOf(CertwatchError);
    expect((e as CertwatchError).code).toBe("INVALID_HOSTNAME");
    return e as CertwatchError;
  }
  throw new Error(`accepted ${input}`);
}

describe("normaliseHostname", () => {
  it.each([
    ["Example.COM", "example.com"],
    ["  www.example.com.  ", "www.example.com"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["例え.テスト", "xn--r8jz45g.xn--zckzah"],
    ["localhost", "localhost"],
    ["127.0.0.1", "127.0.0.1"],
    ["0x7f.1", "127.0.0.1"],
    ["[::1]", "::1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    [`${"a".repeat(63)}.com`, `${"a".repeat(63)}.com`],
  ])("%j → %j", (input, expected) => {
    expect(normaliseHostname(input)).toBe(expected);
  });

  it("rejects URLs with a helpful hint", () => {
    const e = rejected("https://example.com:8443/path");
    expect(e.message).toContain("https://");
    expect(e.hint).toContain("example.com:8443");
  });

  it.each([
    ["", "Enter a hostname"],
    ["example.com/path", "path"],
    ["example.com:443", "port separately"],
    ["[::1]:443", "port separately"],
    ["user@example.com", "@"],
    ["*.example.com", "wildcard"],
    ["a..b", "empty label"],
    ["-a.com", "not valid"],
    ["a_b.com", "not valid"],
    [`${"a".repeat(64)}.com`, "63"],
    [`${"abcdefghi.".repeat(26)}com`, "253"],
    ["ex ample.com", "spaces"],
    ["fe80::1%eth0", "zone"],
    ["[not-ip]", "IPv6"],
    ["1.2.3.999", "malformed IP"],
  ])("rejects %j", (input, fragment) => {
    expect(rejected(input).message).toContain(fragment);
  });

  it("is idempotent and only ever throws INVALID_HOSTNAME", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        let out: string;
        try {
          out = normaliseHostname(s);
        } catch (e) {
          return e instanceof CertwatchError && e.code === "INVALID_HOSTNAME";
        }
        return normaliseHostname(out) === out && out.length <= 253 && !/[A-Z\s/]/.test(out);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts generated valid domain names unchanged", () => {
    fc.assert(
      fc.property(fc.domain(), (d) => {
        const out = normaliseHostname(d);
        return out === d.toLowerCase() || /\d$/.test(d);
      }),
      { numRuns: 500 },
    );
  });
});
