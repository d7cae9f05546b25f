import { describe, expect, it } from "vitest";
import {
  addCommonName,
  addDnsSan,
  addIpSan,
  type Identifiers,
  newIdentifiers,
  sanitizeDnsName,
} from "./identifiers";

const san = (...values: (string | Uint8Array)[]): Identifiers => {
  const ids = newIdentifiers();
  for (const v of values) addDnsSan(ids, typeof v === "string" ? Buffer.from(v, "latin1") : v);
  return ids;
};
const cn = (...values: string[]): Identifiers => {
  const ids = newIdentifiers();
  for (const v of values) addCommonName(ids, v);
  return ids;
};

describe("identifier normalisation (certspotter identifiers.go)", () => {
  it("lower-cases, trims whitespace and trailing dots, and de-duplicates", () => {
    expect(san("WWW.Example.COM.", "www.example.com", " www.example.com.. ").dnsNames).toEqual([
      "www.example.com",
    ]);
    expect(san("*.example.com").dnsNames).toEqual(["*.example.com"]);
  });

  it("splits at NUL and keeps both halves", () => {
    const ids = san("example.org\0.example.com");
    expect(ids.dnsNames).toContain("example.org");
    expect(ids.dnsNames).toContain(".example.com");
    expect(ids.dnsNames).toContain("example.<unparsable>.example.com");
  });

  it("treats IP literals in DNS SANs and CNs as IP addresses", () => {
    expect(san("192.0.2.1")).toEqual({ dnsNames: [], ipAddresses: ["192.0.2.1"] });
    expect(san("2001:DB8::1").ipAddresses).toEqual(["2001:db8::1"]);
    expect(cn("10.0.0.1").ipAddresses).toEqual(["10.0.0.1"]);
  });

  it("converts non-ASCII to punycode, reading bytes as UTF-8 and as Latin-1", () => {
    const utf8 = san(Buffer.from("bücher.example", "utf8")).dnsNames;
    expect(utf8).toContain("xn--bcher-kva.example");
    expect(utf8).toHaveLength(2); // plus the Latin-1 reading of the same bytes
    expect(san(Buffer.from("bücher.example", "latin1")).dnsNames).toEqual(["xn--bcher-kva.example"]);
    expect(cn("Bücher.Example").dnsNames).toEqual(["xn--bcher-kva.example"]);
  });

  it("replaces labels with control characters by <unparsable>", () => {
    expect(san("foo\x01.example.com").dnsNames).toEqual(["<unparsable>.example.com"]);
    expect(sanitizeDnsName("a.\x7f.b")).toBe("a.<unparsable>.b");
  });

  it("ignores CNs with spaces, strips URL decoration, keeps <unparsable>", () => {
    expect(cn("Let's Encrypt Authority X3").dnsNames).toEqual([]);
    const url = cn("https://www.example.com/login").dnsNames;
    expect(url).toContain("www.example.com");
    expect(url).toContain("login");
    expect(cn("<unparsable>").dnsNames).toEqual(["<unparsable>"]);
  });

  it("de-duplicates in linear time even for thousands of names", () => {
    const values = Array.from({ length: 20_000 }, (_, i) => `host-${i % 10_000}.example.com`);
    const ids = san(...values);
    expect(ids.dnsNames).toHaveLength(10_000);
  });

  it("formats IP SANs and ignores odd lengths", () => {
    const ids = newIdentifiers();
    addIpSan(ids, Uint8Array.of(127, 0, 0, 1));
    addIpSan(ids, Uint8Array.of(0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1));
    addIpSan(ids, Uint8Array.of(1, 2, 3));
    expect(ids.ipAddresses).toEqual(["127.0.0.1", "2001:db8::1"]);
  });
});
