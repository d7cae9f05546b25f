import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { resolveOne, resolveTargets } from "./resolve";

const fake = (addresses: string[]) => async () =>
  addresses.map((address) => ({ address, family: address.includes(":") ? (6 as const) : (4 as const) }));

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "none";
  } catch (e) {
    expect(e).toBeInstanceOf(CertwatchError);
    return (e as CertwatchError).code;
  }
}

describe("resolveTargets", () => {
  it("passes IP literals through", async () => {
    expect(await resolveTargets("127.0.0.1", { all: true })).toEqual([{ address: "127.0.0.1", family: 4 }]);
    expect(await resolveTargets("::1", { all: false })).toEqual([{ address: "::1", family: 6 }]);
  });

  it("returns every address or the first, deduplicated", async () => {
    const lookup = fake(["192.0.2.1", "2001:db8::1", "192.0.2.1"]);
    expect(await resolveTargets("x.test", { all: true, lookup })).toHaveLength(2);
    expect(await resolveTargets("x.test", { all: false, lookup })).toEqual([
      { address: "192.0.2.1", family: 4 },
    ]);
  });

  it("refuses a name resolving to cloud metadata, and drops refused addresses among good ones", async () => {
    const e = await code(
      resolveTargets("metadata.google.internal", { all: true, lookup: fake(["169.254.169.254"]) }),
    );
    expect(e).toBe("ADDRESS_NOT_ALLOWED");
    const mixed = await resolveTargets("x.test", {
      all: true,
      lookup: fake(["169.254.169.254", "192.0.2.7"]),
    });
    expect(mixed.map((a) => a.address)).toEqual(["192.0.2.7"]);
    expect(await code(resolveTargets("169.254.169.254", { all: true }))).toBe("ADDRESS_NOT_ALLOWED");
  });

  it("classifies resolver failures", async () => {
    const notFound = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND x.test"), { code: "ENOTFOUND" });
    };
    expect(await code(resolveTargets("x.test", { all: true, lookup: notFound }))).toBe("DNS_NOT_FOUND");
    expect(await code(resolveTargets("x.test", { all: true, lookup: fake([]) }))).toBe("DNS_NOT_FOUND");
  });

  it("resolves localhost through the system resolver", async () => {
    const found = await resolveTargets("localhost", { all: true });
    expect(found.length).toBeGreaterThan(0);
  });

  it("resolveOne gives the first allowed address or a TIMEOUT", async () => {
    expect(
      await resolveOne("x.test", { timeoutMs: 1000, lookup: fake(["169.254.169.254", "192.0.2.9"]) }),
    ).toBe("192.0.2.9");
    const never = () => new Promise<never>(() => {});
    expect(await code(resolveOne("x.test", { timeoutMs: 20, lookup: never }))).toBe("TIMEOUT");
  });
});
