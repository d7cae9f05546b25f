import { describe, expect, it } from "vitest";
import type { ChannelRow } from "@/db/schema";
import { cappedBackoff } from "@/workers/queues/deliver.config";
import { routeChannels } from "./route";

function channel(id: number, events: string[], tags: string[], enabled = true): ChannelRow {
  const at = "2026-01-01T00:00:00.000Z";
  return {
    id,
    kind: "slack",
    name: `c${id}`,
    config: {},
    secrets: null,
    events,
    tags,
    enabled,
    digest: false,
    digestHourUtc: 7,
    createdAt: at,
    updatedAt: at,
  };
}

describe("routeChannels", () => {
  const all = channel(1, [], []);
  const expiryOnly = channel(2, ["expiry"], []);
  const prod = channel(3, [], ["Prod"]);
  const off = channel(4, [], [], false);
  const list = [all, expiryOnly, prod, off];

  it("empty lists mean all; disabled channels get nothing", () => {
    expect(routeChannels(list, "expiry", ["prod"]).map((c) => c.id)).toEqual([1, 2, 3]);
    expect(routeChannels(list, "renewed", ["staging"]).map((c) => c.id)).toEqual([1]);
  });

  it("tags match case-insensitively; alerts without an endpoint skip tag-limited channels", () => {
    expect(routeChannels(list, "grade_dropped", ["PROD"]).map((c) => c.id)).toEqual([1, 3]);
    expect(routeChannels(list, "ct_unexpected_issuance", null).map((c) => c.id)).toEqual([1]);
  });
});

describe("cappedBackoff", () => {
  it("doubles from the base and stops at the cap", () => {
    const b = cappedBackoff({ baseMs: 5_000, capMs: 600_000 });
    expect([1, 2, 3, 4].map(b)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(b(8)).toBe(600_000);
    expect(b(50)).toBe(600_000);
  });
});
