import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAddressAllowed, classifyAddress, DEFAULT_ADDRESS_POLICY, unwrapIpv4 } from "./address-policy";

describe("classifyAddress", () => {
  it.each([
    ["169.254.169.254", "metadata"],
    ["169.254.170.2", "metadata"],
    ["100.100.100.200", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.31.255.255", "private"],
    ["192.168.0.1", "private"],
    ["100.64.0.1", "private"],
    ["fd12::1", "private"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["8.8.8.8", "public"],
    ["2606:4700::1111", "public"],
    ["172.32.0.1", "public"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["64:ff9b::169.254.169.254", "metadata"],
    ["[::1]", "loopback"],
    ["not-an-ip", "invalid"],
  ])("%s → %s", (ip, category) => {
    expect(classifyAddress(ip)).toBe(category);
  });
});

describe("checkAddressAllowed", () => {
  it("refuses metadata and link-local by default, allows private and loopback", () => {
    expect(checkAddressAllowed("169.254.169.254")).toMatchObject({ allowed: false, category: "metadata" });
    expect(checkAddressAllowed("169.254.169.254").reason).toContain("metadata");
    expect(checkAddressAllowed("fe80::1").allowed).toBe(false);
    expect(checkAddressAllowed("10.0.0.1").allowed).toBe(true);
    expect(checkAddressAllowed("127.0.0.1").allowed).toBe(true);
    expect(checkAddressAllowed("93.184.216.34")).toEqual({ allowed: true, reason: null, category: "public" });
  });

  it("follows the policy switches, but metadata stays refused", () => {
    const strict = { allowPrivate: false, allowLoopback: false, allowLinkLocal: false };
    expect(checkAddressAllowed("10.0.0.1", strict).allowed).toBe(false);
    expect(checkAddressAllowed("::1", strict).allowed).toBe(false);
    const open = { allowPrivate: true, allowLoopback: true, allowLinkLocal: true };
    expect(checkAddressAllowed("169.254.1.1", open).allowed).toBe(true);
    expect(checkAddressAllowed("169.254.169.254", open).allowed).toBe(false);
  });

  it("never throws and judges mapped IPv4 like plain IPv4", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(checkAddressAllowed(`::ffff:${ip}`, DEFAULT_ADDRESS_POLICY).category).toBe(
          classifyAddress(ip),
        );
        return unwrapIpv4(`::ffff:${ip}`) === ip;
      }),
    );
    fc.assert(fc.property(fc.string(), (s) => typeof checkAddressAllowed(s).allowed === "boolean"));
  });
});
