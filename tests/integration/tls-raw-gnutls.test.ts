import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulateClients } from "@/lib/tls/clients";
import { enumerateTls, type RawFindings } from "@/lib/tls/enumerate";
import { startGnutlsServer } from "../fakes/gnutls-server";
import type { ChildServer, PemPair } from "../fakes/openssl-server";
import { makeChain } from "../fakes/pki";

const LEGACY = "NONE:+VERS-TLS1.2:+VERS-TLS1.1:+VERS-TLS1.0:+3DES-CBC:+ARCFOUR-128:+AES-128-GCM:+SHA1:+AEAD";
const WEAK = `${LEGACY}:+RSA:+ECDHE-RSA:+COMP-NULL:+SIGN-ALL:+CURVE-ALL:+CTYPE-X509`;
const DHE = "NONE:+VERS-TLS1.2:+DHE-RSA:+AES-128-CBC:+SHA1:+COMP-NULL:+SIGN-ALL:+CTYPE-X509:+GROUP-ALL";
const DES3_FIRST =
  "NONE:+VERS-TLS1.2:+3DES-CBC:+AES-128-CBC:+SHA1:+RSA:+COMP-NULL:+SIGN-ALL:+CTYPE-X509:%SERVER_PRECEDENCE";

let pem: PemPair;
const started: ChildServer[] = [];

async function start(priority: string, dhParamsPem?: string): Promise<number> {
  const s = await startGnutlsServer({ ...pem, priority, dhParamsPem });
  started.push(s);
  return s.port;
}

/** The oracle: GnuTLS's own list of suites for a priority string, with their minimum version. */
function gnutlsSuites(priority: string): { code: string; min: string }[] {
  const out = execFileSync("gnutls-cli", ["--priority", priority, "--list"], {
    encoding: "utf8",
    timeout: 10_000,
  });
  return [...out.matchAll(/0x([0-9a-f]{2}), 0x([0-9a-f]{2})\s+(\S+)/g)].map((m) => ({
    code: `0x${(m[1]! + m[2]!).toUpperCase()}`,
    min: m[3]!,
  }));
}

const codes = (f: RawFindings, protocol: string) =>
  f.cipherSuites
    .filter((c) => c.protocol === protocol)
    .map((c) => c.code)
    .sort();

beforeAll(async () => {
  const chain = await makeChain("localhost", { key: { type: "RSA", bits: 2048 } });
  pem = { certPem: `${chain.leaf.pem}\n${chain.intermediate.pem}`, keyPem: chain.leaf.keyPem };
});

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

describe("enumerateTls against gnutls-serv (what OpenSSL 3 no longer serves)", () => {
  it("3DES and RC4 suites are found, matching GnuTLS's own list per version", async () => {
    const f = await enumerateTls({ host: "127.0.0.1", port: await start(WEAK), timeoutMs: 4000 });
    const all = gnutlsSuites(WEAK);
    expect(f.protocols).toMatchObject({
      SSLv3: false,
      "TLSv1.0": true,
      "TLSv1.1": true,
      "TLSv1.2": true,
      "TLSv1.3": false,
    });
    expect(codes(f, "TLSv1.2")).toEqual(all.map((s) => s.code).sort());
    expect(codes(f, "TLSv1.0")).toEqual(
      all
        .filter((s) => s.min === "TLS1.0")
        .map((s) => s.code)
        .sort(),
    );
    const des3 = f.cipherSuites.find((c) => c.name === "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
    expect(des3).toMatchObject({ bits: 112, aead: false, forwardSecrecy: false });
    expect(f.cipherSuites.some((c) => c.name === "TLS_ECDHE_RSA_WITH_RC4_128_SHA")).toBe(true);
    expect(f.compression).toBe(false);
    expect(f.secureRenegotiation).toBe(true);
  });

  it("DHE with 768-bit parameters: dhBits 768 (OpenSSL 3 clients refuse these, raw hellos do not)", async () => {
    const dh = execFileSync("openssl", ["dhparam", "768"], {
      encoding: "utf8",
      timeout: 30_000,
      stdio: ["ignore", "pipe", "ignore"],
    });
    const f = await enumerateTls({ host: "127.0.0.1", port: await start(DHE, dh), timeoutMs: 4000 });
    expect(codes(f, "TLSv1.2")).toEqual(["0x0033"]);
    expect(f.keyExchange?.dhBits).toBe(768);
  });

  it("server-ordered 3DES first: clients that offer 3DES get it, the others do not", async () => {
    const port = await start(DES3_FIRST);
    const f = await enumerateTls({ host: "127.0.0.1", port, timeoutMs: 4000 });
    expect(f.serverCipherOrder).toBe(true);
    expect(f.serverOrder["TLSv1.2"]?.[0]).toBe("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
    const sims = await simulateClients({ host: "127.0.0.1", port, timeoutMs: 4000 });
    const pick = Object.fromEntries(sims.map((s) => [s.client.split(" ")[0], s.suite]));
    expect(pick).toMatchObject({
      Chrome: "TLS_RSA_WITH_AES_128_CBC_SHA",
      Firefox: "TLS_RSA_WITH_AES_128_CBC_SHA",
      Safari: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
      Java: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
      IE: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
    });
    expect(
      sims.every((s) => s.protocol === "TLSv1.2" && s.forwardSecrecy === false && s.aead === false),
    ).toBe(true);
  });
});
