import { describe, expect, it } from "vitest";
import { hostnameMatches, matchesPattern } from "./hostname-match";

describe("matchesPattern", () => {
  it.each([
    ["www.example.com", "www.example.com", true],
    ["WWW.Example.com.", "www.example.com", true],
    ["www.example.com", "*.example.com", true],
    ["example.com", "*.example.com", false],
    ["a.b.example.com", "*.example.com", false],
    ["example.com", "*.com", false],
    ["foo.example.com", "f*.example.com", false],
    ["foo.example.com", "*.*.com", false],
    ["*.example.com", "*.example.com", false],
    ["other.test", "www.example.com", false],
  ])("%s vs %s → %s", (host, pattern, expected) => {
    expect(matchesPattern(host, pattern)).toBe(expected);
  });
});

describe("hostnameMatches", () => {
  const names = {
    dnsNames: ["*.example.com", "example.com"],
    ipAddresses: ["192.0.2.1", "2001:db8::1"],
    commonName: "cn.test",
  };
  it("matches DNS names, IPs (canonicalised) and ignores CN when SANs exist", () => {
    expect(hostnameMatches("api.example.com", names)).toBe(true);
    expect(hostnameMatches("192.0.2.1", names)).toBe(true);
    expect(hostnameMatches("2001:DB8:0::1", names)).toBe(true);
    expect(hostnameMatches("[2001:db8::1]", names)).toBe(true);
    expect(hostnameMatches("192.0.2.2", names)).toBe(false);
    expect(hostnameMatches("cn.test", names)).toBe(false);
  });

  it("falls back to CN only without SANs, and never for IPs via DNS names", () => {
    expect(hostnameMatches("cn.test", { dnsNames: [], ipAddresses: [], commonName: "cn.test" })).toBe(true);
    expect(hostnameMatches("192.0.2.1", { dnsNames: ["192.0.2.1"], ipAddresses: [], commonName: null })).toBe(
      false,
    );
  });
});
