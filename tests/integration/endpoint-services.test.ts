import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { endpoints } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import type { ServiceContext } from "@/server/services/context";
import { createEndpoint } from "@/server/services/endpoint/create-endpoint";
import { deleteEndpoint } from "@/server/services/endpoint/delete-endpoint";
import { updateEndpoint } from "@/server/services/endpoint/update-endpoint";
import { tempDb } from "../support/temp-db";

let t: ReturnType<typeof tempDb>;
let ctx: ServiceContext;
const actor: Actor = { kind: "system", userId: null, label: "test", role: "editor" };

beforeEach(() => {
  t = tempDb();
  ctx = {
    db: t.db,
    config: { CERTWATCH_MIN_INTERVAL_SECONDS: 60, CERTWATCH_DEFAULT_INTERVAL_SECONDS: 3600 },
  };
});
afterEach(() => t.remove());

async function fieldErrorsOf(input: unknown): Promise<Record<string, string[]>> {
  try {
    await createEndpoint({ ctx, actor, input });
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors;
    throw e;
  }
  throw new Error("expected a validation error");
}

describe("createEndpoint", () => {
  it("stores a normalised endpoint with defaults", async () => {
    const e = await createEndpoint({
      ctx,
      actor,
      input: { host: "Bücher.Example.", port: "8443", tags: ["Prod"] },
    });
    expect(e).toMatchObject({
      host: "xn--bcher-kva.example",
      port: 8443,
      ip: null,
      sni: null,
      intervalSeconds: 3600,
    });
    expect(e.tags).toEqual(["prod"]);
    expect(t.db.select().from(endpoints).all()).toHaveLength(1);
  });

  it("accepts IPv4 and IPv6 literals and an IP override", async () => {
    await createEndpoint({ ctx, actor, input: { host: "192.0.2.10" } });
    await createEndpoint({ ctx, actor, input: { host: "[2001:db8::1]" } });
    const e = await createEndpoint({
      ctx,
      actor,
      input: { host: "example.com", ip: "203.0.113.7", sni: "www.example.com" },
    });
    expect(e).toMatchObject({ ip: "203.0.113.7", sni: "www.example.com" });
  });

  it("names each bad field", async () => {
    const errors = await fieldErrorsOf({
      host: "exa mple..com",
      port: 70000,
      ip: "not-an-ip",
      intervalSeconds: 5,
      caPem: "junk",
    });
    expect(Object.keys(errors).sort()).toEqual(["caPem", "host", "intervalSeconds", "ip", "port"]);
    expect(errors.port?.[0]).toContain("1–65535");
    expect(errors.intervalSeconds?.[0]).toContain("60 seconds");
  });

  it("refuses labels over 63 characters and names over 253", async () => {
    expect(await fieldErrorsOf({ host: `${"a".repeat(64)}.example` })).toHaveProperty("host");
    expect(await fieldErrorsOf({ host: `${"a.".repeat(127)}com` })).toHaveProperty("host");
    expect(await fieldErrorsOf({ host: "https://example.com/path" })).toHaveProperty("host");
  });

  it("refuses a duplicate and names the existing endpoint", async () => {
    const first = await createEndpoint({ ctx, actor, input: { host: "example.com" } });
    const err = await createEndpoint({ ctx, actor, input: { host: "EXAMPLE.com.", port: 443 } }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toBe(`example.com:443 is already monitored (endpoint #${first.id}).`);
    // The same host through another address is a different target.
    await expect(
      createEndpoint({ ctx, actor, input: { host: "example.com", ip: "192.0.2.1" } }),
    ).resolves.toBeTruthy();
  });
});

describe("updateEndpoint and deleteEndpoint", () => {
  it("updates fields, keeps validation, and refuses a clash", async () => {
    const a = await createEndpoint({ ctx, actor, input: { host: "a.example" } });
    await createEndpoint({ ctx, actor, input: { host: "b.example" } });
    const updated = await updateEndpoint({
      ctx,
      actor,
      id: a.id,
      input: { intervalSeconds: 120, enabled: false },
    });
    expect(updated).toMatchObject({ intervalSeconds: 120, enabled: false, host: "a.example" });
    await expect(
      updateEndpoint({ ctx, actor, id: a.id, input: { host: "b.example" } }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(updateEndpoint({ ctx, actor, id: a.id, input: { port: 0 } })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("deletes, and reports a missing endpoint", async () => {
    const a = await createEndpoint({ ctx, actor, input: { host: "a.example" } });
    await deleteEndpoint({ ctx, actor, id: a.id });
    await expect(deleteEndpoint({ ctx, actor, id: a.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
