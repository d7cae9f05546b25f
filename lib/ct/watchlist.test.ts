import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { newIdentifiers } from "./identifiers";
import { labelMatchesWildcard, matchEntry, parseWatchItem, type WatchItem, Watchlist } from "./watchlist";

const names = (...dnsNames: string[]) => ({ ...newIdentifiers(), dnsNames });
const hit = (list: Watchlist, name: string) => list.matchName(name)?.pattern ?? null;

/** certspotter's matchesDNSName, label by label, as a linear reference. */
function reference(items: WatchItem[], name: string): boolean {
  const cert = name.split(".");
  return items.some((item) => {
    const watch = item.domain === "" ? [] : item.domain.split(".");
    let c = cert.length;
    let w = watch.length;
    for (; c > 0 && w > 0; c--, w--) {
      const l = cert[c - 1]!;
      if (!(l === "?" || l === "<unparsable>" || labelMatchesWildcard(watch[w - 1]!, l))) return false;
    }
    return w === 0 && (item.acceptSuffix || c === 0);
  });
}

describe("watch items", () => {
  it("parses the three forms and IDNs", () => {
    expect(parseWatchItem(".Example.com.")).toMatchObject({
      domain: "example.com",
      acceptSuffix: true,
      labelCount: 2,
    });
    expect(parseWatchItem("example.com")).toMatchObject({ domain: "example.com", acceptSuffix: false });
    expect(parseWatchItem(".")).toMatchObject({ domain: "", acceptSuffix: true, labelCount: 0 });
    expect(parseWatchItem(".bücher.example").domain).toBe("xn--bcher-kva.example");
    expect(parseWatchItem({ pattern: "a.example", id: 7 }).id).toBe(7);
  });

  it("rejects empty, spaced, IP and malformed items", () => {
    for (const bad of [
      "",
      "  ",
      "foo bar",
      "192.0.2.1",
      ".2001:db8::1",
      "a..b",
      "exa mple.com",
      "*.example.com",
    ]) {
      expect(() => parseWatchItem(bad)).toThrow(CertwatchError);
    }
  });
});

describe("Watchlist matching", () => {
  const list = new Watchlist([".example.com", "exact.org", "sub.wild.net", ".deep.wild.net"]);

  it("matches a domain and its subdomains, or exactly", () => {
    expect(hit(list, "example.com")).toBe(".example.com");
    expect(hit(list, "a.b.example.com")).toBe(".example.com");
    expect(hit(list, "badexample.com")).toBeNull();
    expect(hit(list, "example.com.evil.net")).toBeNull();
    expect(hit(list, "exact.org")).toBe("exact.org");
    expect(hit(list, "www.exact.org")).toBeNull();
  });

  it("lets wildcard, redacted and unparsable certificate labels stand for any label", () => {
    expect(hit(list, "*.wild.net")).toBe("sub.wild.net");
    expect(hit(list, "*.*.wild.net")).toBe(".deep.wild.net");
    expect(hit(list, "?.wild.net")).toBe("sub.wild.net");
    expect(hit(list, "*.exact.org")).toBeNull();
    expect(hit(list, "*.org")).toBe("exact.org");
    expect(hit(list, "<unparsable>.wild.net")).toBe("sub.wild.net");
    expect(hit(list, "<unparsable>")).toBe(".example.com");
  });

  it("matches glob labels inside a certificate label", () => {
    const l = new Watchlist(["www.glob.io", "mail.glob.io"]);
    expect(hit(l, "w*.glob.io")).toBe("www.glob.io");
    expect(hit(l, "*l.glob.io")).toBe("mail.glob.io");
    expect(hit(l, "x*.glob.io")).toBeNull();
    expect(labelMatchesWildcard("www", "w**w")).toBe(true);
    expect(labelMatchesWildcard("a".repeat(60), `${"*a".repeat(40)}b`)).toBe(false);
  });

  it("returns the most specific item and '.' as the catch-all", () => {
    const l = new Watchlist([".example.com", "www.example.com", "."]);
    expect(matchEntry(l, names("www.example.com"))?.pattern).toBe("www.example.com");
    expect(matchEntry(l, names("mail.example.com", "www.example.com"))?.pattern).toBe("www.example.com");
    expect(matchEntry(l, names("other.net"))?.pattern).toBe(".");
    expect(matchEntry(l, { dnsNames: [], ipAddresses: ["192.0.2.1"] })?.pattern).toBe(".");
    expect(matchEntry(new Watchlist([".example.com"]), names("other.net"))).toBeNull();
  });

  it("indexes 10,000 items and still finds the right one", () => {
    const items = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 ? `.brand-${i}.example` : `www.shop-${i}.com`,
    );
    const big = new Watchlist(items);
    expect(big.size).toBe(10_000);
    expect(hit(big, "login.brand-4999.example")).toBe(".brand-4999.example");
    expect(hit(big, "www.shop-5000.com")).toBe("www.shop-5000.com");
    expect(hit(big, "*.shop-5000.com")).toBe("www.shop-5000.com");
    expect(hit(big, "shop.brand-4998.example")).toBeNull();
  });

  it("agrees with certspotter's linear algorithm (property)", () => {
    const label = fc.constantFrom("a", "b", "ab", "*", "?", "a*", "<unparsable>", "");
    const watchLabel = fc.constantFrom("a", "b", "ab", "ba");
    const certName = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join("."));
    const item = fc
      .tuple(fc.boolean(), fc.array(watchLabel, { minLength: 1, maxLength: 3 }))
      .map(([suffix, l]) => `${suffix ? "." : ""}${l.join(".")}`);
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), certName, (patterns, name) => {
        const l = new Watchlist(patterns);
        if (name === "<unparsable>") return;
        expect(l.matchName(name) !== null).toBe(reference(l.items, name));
      }),
      { numRuns: 2000 },
    );
  });
});
