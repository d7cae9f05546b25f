// Issue 4, "done when": every local test server gets the grade the rating guide (criteria 2009r) gives,
// for the same decisive reason. Prints the table.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessAddress } from "@/lib/assessment/assess-address";
import type { Assessment } from "@/lib/assessment/types";
import { decisiveReason } from "@/lib/grading/decisive-reason";
import { startCrlServer } from "../fakes/crl-server";
import { startGnutlsServer } from "../fakes/gnutls-server";
import { type Issued, type IssueOptions, issue } from "../fakes/pki";
import { startTlsServer } from "../fakes/tls-server";

const MODERN = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305";
const MODERN_RSA = "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305";
const HSTS_YEAR = "max-age=31536000; includeSubDomains";

interface Row {
  name: string;
  expected: string;
  /** Words the decisive reason must contain (null: the score alone decides, e.g. A+). */
  because: RegExp | null;
  grade?: string;
  ignoringTrust?: string;
  reason?: string | null;
  score?: number;
}

let root: Issued;
let inter: Issued;
let dir: string;
const stops: (() => Promise<unknown>)[] = [];
const rows: Row[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "certwatch-grades-"));
  root = await issue(null, { subject: "CN=Grade Test Root", ca: true, notAfterDays: 3650 });
  inter = await issue(root, {
    subject: "CN=Grade Test Intermediate",
    ca: true,
    pathLength: 0,
    notAfterDays: 1800,
  });
});

afterAll(async () => {
  for (const s of stops) await s();
  fs.rmSync(dir, { recursive: true, force: true });
  const line = (r: Row) =>
    `${r.name.padEnd(44)} ${String(r.expected).padEnd(4)} ${String(r.grade).padEnd(4)} ${String(r.ignoringTrust).padEnd(4)} ${String(r.score ?? "").padEnd(5)} ${r.reason ?? "(score)"}`;
  console.log(
    [
      "",
      "server                                       want got  trust score decisive reason",
      ...rows.map(line),
    ].join("\n"),
  );
});

function leaf(o: IssueOptions = {}, issuer: Issued = inter) {
  return issue(issuer, { dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"], ...o });
}

function hstsResponder(value: string | null) {
  return (socket: tls.TLSSocket) => {
    socket.once("data", () => {
      const h = value ? `Strict-Transport-Security: ${value}\r\n` : "";
      socket.end(`HTTP/1.1 200 OK\r\n${h}Content-Length: 0\r\nConnection: close\r\n\r\n`);
    });
  };
}

type ServerOptions = Omit<tls.TlsOptions, "cert" | "key"> & { hsts?: string | null };

async function nodeServer(cert: Issued, chain: Issued[], options: ServerOptions) {
  const { hsts = HSTS_YEAR, ...rest } = options;
  const s = await startTlsServer({
    ...rest,
    cert: [cert.pem, ...chain.map((c) => c.pem)].join(""),
    key: cert.keyPem,
    onSecureConnection: hstsResponder(hsts),
  });
  stops.push(() => s.close());
  return s.port;
}

async function grade(port: number, caPem = root.pem, revocation = false): Promise<Assessment> {
  return assessAddress(
    { host: "localhost", port, ip: "127.0.0.1", sni: null, caPem },
    { timeoutMs: 4_000, revocation },
  );
}

async function check(row: Row, port: number, caPem?: string, revocation = false) {
  const a = await grade(port, caPem, revocation);
  row.grade = a.grade?.letter ?? `none (${a.gradeUnavailableReason})`;
  row.ignoringTrust = a.grade?.ignoringTrust;
  row.score = a.grade ? Math.round(a.grade.score * 10) / 10 : undefined;
  row.reason = a.grade ? decisiveReason(a.grade) : a.gradeUnavailableReason;
  rows.push(row);
  expect(a.error, JSON.stringify(a.error)).toBeNull();
  expect(row.grade, `${row.name}: ${row.reason}`).toBe(row.expected);
  if (row.because) expect(row.reason ?? "").toMatch(row.because);
  return a;
}

describe("grades of local servers (SSL Labs criteria 2009r)", () => {
  it("modern ECDSA, TLS 1.2 + 1.3, AEAD only, HSTS one year → A+", async () => {
    const c = await leaf();
    await check(
      { name: "modern ECDSA + HSTS", expected: "A+", because: null },
      await nodeServer(c, [inter], { ciphers: MODERN }),
    );
  });

  it("the same without HSTS → A", async () => {
    const c = await leaf();
    await check(
      { name: "modern ECDSA, no HSTS", expected: "A", because: /HSTS/ },
      await nodeServer(c, [inter], { ciphers: MODERN, hsts: null }),
    );
  });

  it("TLS 1.2 only, ECDHE + AEAD → A- (no TLS 1.3)", async () => {
    const c = await leaf();
    const port = await nodeServer(c, [inter], { ciphers: MODERN, maxVersion: "TLSv1.2" });
    await check({ name: "TLS 1.2 only, ECDHE + AEAD", expected: "A-", because: /TLS 1\.3/ }, port);
  });

  it("TLS 1.2 only, ECDHE + CBC only → B (no AEAD)", async () => {
    const c = await leaf();
    const port = await nodeServer(c, [inter], {
      ciphers: "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES256-SHA",
      maxVersion: "TLSv1.2",
    });
    await check({ name: "TLS 1.2 only, CBC only", expected: "B", because: /AEAD/ }, port);
  });

  it("TLS 1.2, static RSA key exchange only → B (no forward secrecy)", async () => {
    const c = await leaf({ key: { type: "RSA", bits: 2048 } });
    const port = await nodeServer(c, [inter], {
      ciphers: "AES128-GCM-SHA256:AES256-GCM-SHA384",
      maxVersion: "TLSv1.2",
    });
    await check({ name: "TLS 1.2, static RSA only", expected: "B", because: /[Ff]orward [Ss]ecrecy/ }, port);
  });

  it("TLS 1.0–1.3 → B (TLS 1.0 and 1.1)", async () => {
    const c = await leaf({ key: { type: "RSA", bits: 2048 } });
    const port = await nodeServer(c, [inter], {
      ciphers: `${MODERN_RSA}:ECDHE-RSA-AES128-SHA:@SECLEVEL=0`,
      minVersion: "TLSv1",
    });
    await check({ name: "TLS 1.0-1.3", expected: "B", because: /TLS 1\.0/ }, port);
  });

  it("TLS 1.0 only, CBC → C (no TLS 1.2)", async () => {
    const c = await leaf({ key: { type: "RSA", bits: 2048 } });
    const port = await nodeServer(c, [inter], {
      ciphers: "ECDHE-RSA-AES128-SHA:@SECLEVEL=0",
      minVersion: "TLSv1",
      maxVersion: "TLSv1",
    });
    await check({ name: "TLS 1.0 only, CBC", expected: "C", because: /TLS 1\.2/ }, port);
  });

  it("DHE with 1024-bit parameters → B", async () => {
    const c = await leaf({ key: { type: "RSA", bits: 2048 } });
    const dh = execFileSync("openssl", ["dhparam", "1024"], {
      stdio: ["ignore", "pipe", "ignore"],
    }).toString();
    const port = await nodeServer(c, [inter], {
      ciphers: `${MODERN_RSA}:DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0`,
      dhparam: dh,
    });
    await check({ name: "DHE 1024-bit offered", expected: "B", because: /DH|Diffie/ }, port);
  });

  it("RSA-1024 leaf → B", async () => {
    const c = await leaf({ key: { type: "RSA", bits: 1024 } });
    const port = await nodeServer(c, [inter], { ciphers: `${MODERN_RSA}:@SECLEVEL=0` });
    await check({ name: "RSA-1024 leaf", expected: "B", because: /1024|2048/ }, port);
  });

  it("a NULL suite offered beside AES-GCM → F", async () => {
    const c = await leaf();
    const port = await nodeServer(c, [inter], {
      ciphers: `${MODERN}:ECDHE-ECDSA-NULL-SHA:@SECLEVEL=0`,
      maxVersion: "TLSv1.2",
    });
    await check({ name: "NULL suite offered", expected: "F", because: /NULL|encrypt/i }, port);
  });

  it("anonymous suites offered → F", async () => {
    const c = await leaf();
    const port = await nodeServer(c, [inter], {
      ciphers: `${MODERN}:AECDH-AES128-SHA:@SECLEVEL=0`,
      maxVersion: "TLSv1.2",
    });
    await check({ name: "anonymous suites offered", expected: "F", because: /anonymous/i }, port);
  });

  it("self-signed → T, trust ignored A+", async () => {
    const self = await issue(null, { dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"] });
    const a = await check(
      { name: "self-signed", expected: "T", because: /trust|self/i },
      await nodeServer(self, [], { ciphers: MODERN }),
      "",
    );
    expect(a.grade?.ignoringTrust).toBe("A+");
  });

  it("untrusted root → T", async () => {
    const port = await nodeServer(await leaf(), [inter], { ciphers: MODERN });
    await check({ name: "untrusted root", expected: "T", because: /trust/i }, port, "");
  });

  it("expired → T", async () => {
    const c = await leaf({ notBeforeDays: -30, notAfterDays: -1 });
    await check(
      { name: "expired", expected: "T", because: /expired|trust/i },
      await nodeServer(c, [inter], { ciphers: MODERN }),
    );
  });

  it("name mismatch → M", async () => {
    const c = await issue(inter, { dnsNames: ["other.example"] });
    await check(
      { name: "wrong host", expected: "M", because: /name|match/i },
      await nodeServer(c, [inter], { ciphers: MODERN }),
    );
  });

  it("SHA-1 signed intermediate → T", async () => {
    const sha1Inter = await issue(root, { subject: "CN=SHA1 Intermediate", ca: true, hash: "SHA-1" });
    const c = await leaf({}, sha1Inter);
    const port = await nodeServer(c, [sha1Inter], { ciphers: `${MODERN}:@SECLEVEL=0` });
    await check({ name: "SHA-1 in chain", expected: "T", because: /SHA-?1/i }, port);
  });

  it("incomplete chain that AIA completes → B", async () => {
    const aia = http.createServer((_req, res) => res.end(inter.der));
    await new Promise<void>((r) => aia.listen(0, "127.0.0.1", () => r()));
    stops.push(() => new Promise((r) => aia.close(r)));
    const url = `http://127.0.0.1:${(aia.address() as { port: number }).port}/inter.der`;
    const c = await leaf({ caIssuersUrls: [url] });
    await check(
      { name: "incomplete chain, AIA works", expected: "B", because: /incomplete/ },
      await nodeServer(c, [], { ciphers: MODERN }),
    );
  });

  it("revoked (verified CRL) → F, whatever the configuration", async () => {
    const serial = "7e57c0de01";
    const crl = await startCrlServer({ ca: inter, entries: [{ serial }] });
    stops.push(() => crl.close());
    const c = await leaf({ serialNumber: serial, crlUrls: [crl.url] });
    const a = await check(
      { name: "revoked (CRL)", expected: "F", because: /revoked/ },
      await nodeServer(c, [inter], { ciphers: MODERN }),
      root.pem,
      true,
    );
    expect(a.revocation).toMatchObject({ status: "revoked", method: "crl" });
  });

  it("TLS 1.2 with 3DES only (gnutls-serv) → C", async () => {
    const c = await leaf({ key: { type: "RSA", bits: 2048 } });
    const s = await startGnutlsServer({
      certPem: c.pem + inter.pem,
      keyPem: c.keyPem,
      priority: "NONE:+VERS-TLS1.2:+3DES-CBC:+ECDHE-RSA:+SHA1:+COMP-NULL:+SIGN-ALL:+GROUP-ALL",
    });
    stops.push(() => s.stop());
    await check({ name: "TLS 1.2, 3DES only (gnutls)", expected: "C", because: /3DES|64-bit/ }, s.port);
  });
});
