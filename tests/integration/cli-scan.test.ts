import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSilentServer } from "../fakes/hostile-servers";
import { makeChain, type TestPki } from "../fakes/pki";
import { startTlsServer } from "../fakes/tls-server";

const BIN = path.resolve("cli/bin.mjs");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-cli-"));
const caFile = path.join(dir, "root.pem");
let pki: TestPki;
let port: number;
const stops: (() => Promise<unknown>)[] = [];

function certwatch(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => {
      stdout += b;
    });
    child.stderr.on("data", (b) => {
      stderr += b;
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  pki = await makeChain("localhost", { notAfterDays: 10.5 });
  fs.writeFileSync(caFile, pki.root.pem);
  const s = await startTlsServer({ cert: pki.leaf.pem + pki.intermediate.pem, key: pki.leaf.keyPem });
  stops.push(() => s.close());
  port = s.port;
});

afterAll(async () => {
  for (const s of stops) await s();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("certwatch scan", () => {
  it("prints the assessment as JSON with every documented key and exits 0", async () => {
    const r = await certwatch(
      "scan",
      `localhost:${port}`,
      "--ip",
      "127.0.0.1",
      "--ca-file",
      caFile,
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    for (const key of [
      "target",
      "startedAt",
      "durationMs",
      "error",
      "certificate",
      "chain",
      "protocols",
      "cipherSuites",
      "serverCipherOrder",
      "forwardSecrecy",
      "aead",
      "keyExchange",
      "secureRenegotiation",
      "compression",
      "alpn",
      "clientCertRequested",
      "hsts",
      "revocation",
      "grade",
      "mozillaProfile",
    ]) {
      expect(json).toHaveProperty(key);
    }
    expect(json.target).toEqual({ host: "localhost", port, ip: "127.0.0.1", sni: "localhost" });
    expect(json.certificate.daysRemaining).toBe(10);
    expect(json.chain).toMatchObject({ trusted: true, hostnameMatch: true, complete: true });
    expect(json.protocols["TLSv1.3"]).toBe(true);
    expect(json.cipherSuites[0]).toMatchObject({
      protocol: expect.any(String),
      code: expect.stringMatching(/^0x[0-9A-F]{4}$/),
    });
    expect(json.grade.letter).toBe("A");
    expect(json).not.toHaveProperty("chainDer");
  });

  it("fails the gates with exit 1: grade below A+ (no HSTS), expiry within 30 days", async () => {
    const base = ["scan", `localhost:${port}`, "--ip", "127.0.0.1", "--ca-file", caFile];
    expect((await certwatch(...base, "--fail-under", "A")).code).toBe(0);
    const grade = await certwatch(...base, "--fail-under", "A+");
    expect(grade.code).toBe(1);
    expect(grade.stdout).toContain("grade A is below A+");
    const expiry = await certwatch(...base, "--fail-within", "30");
    expect(expiry.code).toBe(1);
    expect((await certwatch(...base, "--fail-within", "5")).code).toBe(0);
  });

  it("exits 2 with the error in the JSON when the scan cannot complete", async () => {
    const refused = await certwatch("scan", "127.0.0.1:1", "--json");
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error).toMatchObject({
      code: "CONNECTION_REFUSED",
      message: expect.any(String),
    });
    const silent = await startSilentServer();
    stops.push(() => silent.close());
    const t0 = Date.now();
    const r = await certwatch("scan", `127.0.0.1:${silent.port}`, "--timeout", "700", "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe("TIMEOUT");
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it("prints a human report by default, with the grade and its reasons", async () => {
    const r = await certwatch("scan", `localhost:${port}`, "--ip", "127.0.0.1", "--ca-file", caFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Certificate");
    expect(r.stdout).toMatch(/Grade\n {2}A {2}score/);
    expect(r.stdout).toContain("HSTS");
  });

  it("exits 64 on usage errors, saying what to fix", async () => {
    const cases: [string[], RegExp][] = [
      [["scan"], /exactly one HOST/],
      [["scan", "example.com:70000"], /port must be 1–65535/],
      [["scan", "exa mple.com"], /host/],
      [["scan", "example.com", "--bogus"], /bogus/],
      [["scan", "example.com", "--ip", "nope"], /--ip/],
      [["scan", "example.com", "--fail-under", "Z"], /--fail-under/],
      [["frobnicate"], /unknown command/],
    ];
    for (const [args, message] of cases) {
      const r = await certwatch(...args);
      expect(r.code, args.join(" ")).toBe(64);
      expect(r.stderr).toMatch(message);
    }
  });
});
