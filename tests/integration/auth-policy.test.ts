import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/server/auth/actor";
import { loadSecretKey, openSecret, parseKey, sealSecret } from "@/server/crypto/secret-box";
import { ValidationError } from "@/server/errors";
import type { ServiceContext } from "@/server/services/context";
import { createEndpoint } from "@/server/services/endpoint/create-endpoint";
import { tempDb } from "../support/temp-db";

describe("secret box", () => {
  const key = parseKey(Buffer.alloc(32, 7).toString("base64"));

  it("round-trips, never repeats a ciphertext, and refuses a wrong key or context", () => {
    const url = "https://hooks.slack.com/services/T000/B000/XXXX";
    const a = sealSecret(url, key, "channel:1:url");
    expect(a).toMatch(/^v1:/);
    expect(a).not.toContain("hooks.slack");
    expect(sealSecret(url, key, "channel:1:url")).not.toBe(a);
    expect(openSecret(a, key, "channel:1:url")).toBe(url);
    expect(() => openSecret(a, key, "channel:2:url")).toThrow(/could not be decrypted/);
    expect(() => openSecret(a, parseKey("ab".repeat(32)), "channel:1:url")).toThrow(/could not be decrypted/);
    expect(() => openSecret("garbage", key)).toThrow(/format/);
    expect(() => parseKey("c2hvcnQ=")).toThrow(/32 bytes/);
  });

  it("generates <dataDir>/secret.key once with mode 0600 and says so; the env key wins", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-key-"));
    try {
      const said: string[] = [];
      const k1 = loadSecretKey({ dataDir: dir }, (m) => said.push(m));
      const k2 = loadSecretKey({ dataDir: dir }, (m) => said.push(m));
      expect(k1.equals(k2)).toBe(true);
      expect(said).toHaveLength(1);
      expect(said[0]).toContain("secret.key");
      expect(fs.statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
      const env = loadSecretKey({ dataDir: dir, CERTWATCH_SECRET_KEY: "ab".repeat(32) });
      expect(env.toString("hex")).toBe("ab".repeat(32));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("target address policy on endpoints", () => {
  let t: ReturnType<typeof tempDb>;
  const base = { CERTWATCH_MIN_INTERVAL_SECONDS: 60, CERTWATCH_DEFAULT_INTERVAL_SECONDS: 3600 };
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.remove());

  async function fields(config: object, input: object) {
    const ctx = { db: t.db, config: { ...base, ...config } } as ServiceContext;
    try {
      await createEndpoint({ ctx, actor: CLI_ACTOR, input });
      return null;
    } catch (e) {
      if (e instanceof ValidationError) return e.fieldErrors;
      throw e;
    }
  }

  it("refuses cloud metadata and link-local as host or IP override by default", async () => {
    expect((await fields({}, { host: "169.254.169.254" }))?.host?.[0]).toMatch(/metadata/);
    expect((await fields({}, { host: "example.com", ip: "169.254.10.1" }))?.ip?.[0]).toMatch(/link-local/);
    expect((await fields({}, { host: "example.com", ip: "fe80::1" }))?.ip).toBeTruthy();
    expect((await fields({}, { host: "example.com", ip: "::ffff:169.254.169.254" }))?.ip).toBeTruthy();
    expect(await fields({}, { host: "example.com", ip: "10.0.0.5" })).toBeNull();
    expect(await fields({}, { host: "127.0.0.1", port: 8443 })).toBeNull();
  });

  it("private and loopback targets can be turned off; link-local on", async () => {
    const off = { CERTWATCH_ALLOW_PRIVATE_TARGETS: false, CERTWATCH_ALLOW_LOOPBACK_TARGETS: false };
    expect((await fields(off, { host: "example.com", ip: "192.168.1.2" }))?.ip?.[0]).toMatch(/private/);
    expect((await fields(off, { host: "127.0.0.1" }))?.host?.[0]).toMatch(/loopback/);
    expect(
      await fields({ CERTWATCH_ALLOW_LINK_LOCAL_TARGETS: true }, { host: "example.com", ip: "169.254.10.1" }),
    ).toBeNull();
  });
});
