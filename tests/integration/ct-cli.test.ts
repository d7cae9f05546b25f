import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeCrtsh, startFakeCrtsh } from "../fakes/crtsh-server";
import { navigliEntries, precertEntryFor, x509Entry } from "../fakes/ct-log-entries";
import { type FakeRfc6962Log, startFakeRfc6962Log } from "../fakes/ct-log-rfc6962";
import { type FakeStaticLog, startFakeStaticLog } from "../fakes/ct-log-static";
import { ctTestPki } from "../fakes/ct-test-pki";

let rfc: FakeRfc6962Log;
let tiled: FakeStaticLog;
let crtsh: FakeCrtsh;
let dir: string;
let keyFile: string;

function certwatch(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["cli/bin.mjs", ...args],
      { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  const pki = await ctTestPki();
  rfc = await startFakeRfc6962Log();
  const www = await pki.leaf(["www.example.com"]);
  const other = await pki.leaf(["other.org"]);
  rfc.log.add(precertEntryFor(www.der, pki.caSpki), x509Entry(other.der), x509Entry(www.der));
  rfc.log.publish();
  tiled = await startFakeStaticLog();
  tiled.log.add(...navigliEntries());
  tiled.log.publish(1024);
  tiled.log.knobs.gzip = true;
  crtsh = await startFakeCrtsh();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-ct-cli-"));
  keyFile = path.join(dir, "log.pem");
  fs.writeFileSync(keyFile, rfc.log.key.publicPem);
});

afterAll(async () => {
  await Promise.all([rfc?.close(), tiled?.close(), crtsh?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("certwatch ct tail / crtsh", () => {
  it("prints one JSON line per issuance with all its entries, and stops at the verified size", async () => {
    const r = await certwatch([
      "ct",
      "tail",
      "--log-url",
      rfc.url,
      "--log-key",
      keyFile,
      "--type",
      "rfc6962",
      "--watch",
      ".example.com",
      "--from",
      "0",
      "--once",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      precert: false,
      entries: [
        { index: 0, type: "precert" },
        { index: 2, type: "x509" },
      ],
      dnsNames: ["www.example.com"],
      commonNames: ["www.example.com"],
      watchItem: ".example.com",
    });
    expect(lines[0].tbsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lines[0].certSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lines[0].issuer).toContain("Certwatch CT Test CA");
  });

  it("reads a static log (gzip tiles) with the key given inline as base64 SPKI", async () => {
    const r = await certwatch([
      "ct",
      "tail",
      "--log-url",
      tiled.monitoringUrl,
      "--log-key",
      tiled.log.key.publicKey.export({ type: "spki", format: "der" }).toString("base64"),
      "--type",
      "static",
      "--origin",
      tiled.origin,
      "--watch",
      ".",
      "--from",
      "1000",
      "--once",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.every((l) => l.precert && l.certSha256 === null && l.entries[0].index >= 1000)).toBe(true);
  });

  it("exits 2 with a clear message when the tree head signature does not verify", async () => {
    rfc.log.knobs.badSignature = true;
    try {
      const r = await certwatch([
        "ct",
        "tail",
        "--log-url",
        rfc.url,
        "--log-key",
        keyFile,
        "--type",
        "rfc6962",
        "--watch",
        "example.com",
        "--from",
        "0",
        "--once",
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/verification failed \(CT_BAD_SIGNATURE\)/);
      expect(r.stdout).toBe("");
    } finally {
      rfc.log.knobs.badSignature = false;
    }
  });

  it("exits 2 on a tampered entry (Merkle root mismatch)", async () => {
    rfc.log.knobs.tamperIndex = 1;
    try {
      const r = await certwatch([
        "ct",
        "tail",
        "--log-url",
        rfc.url,
        "--log-key",
        keyFile,
        "--type",
        "rfc6962",
        "--watch",
        ".example.com",
        "--from",
        "0",
        "--once",
        "--json",
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/CT_ROOT_MISMATCH/);
      expect(r.stdout).toBe("");
    } finally {
      rfc.log.knobs.tamperIndex = null;
    }
  });

  it("exits 64 on usage errors", async () => {
    const r = await certwatch(["ct", "tail", "--log-url", rfc.url, "--type", "rfc6962"]);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--log-key/);
  });

  it("crtsh DOMAIN --json prints post-filtered issuances", async () => {
    const r = await certwatch(["crtsh", "zxdev.com", "--json", "--base-url", crtsh.url]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({
      watchItem: ".zxdev.com",
      issuer: "C=US, O=Google Trust Services, CN=WE1",
    });
    crtsh.knobs.truncate = true;
    const t = await certwatch(["crtsh", "example.com", "--json", "--base-url", crtsh.url]);
    crtsh.knobs.truncate = false;
    expect(t.code).toBe(0);
    expect(t.stderr).toMatch(/first 10,000 rows/);
  });
});
