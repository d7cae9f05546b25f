import type net from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulateClients } from "@/lib/tls/clients";
import { makeChain } from "../fakes/pki";

let server: tls.Server;
let port: number;

beforeAll(async () => {
  const chain = await makeChain("localhost", { key: { type: "RSA", bits: 2048 } });
  server = tls.createServer({
    key: chain.leaf.keyPem,
    cert: `${chain.leaf.pem}\n${chain.intermediate.pem}`,
    ciphers: "TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA384:AES128-SHA",
    honorCipherOrder: true,
  });
  server.on("tlsClientError", () => {});
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe("simulateClients against a node:tls server", () => {
  it("records each reference client's protocol and suite", async () => {
    const sims = await simulateClients({ host: "localhost", ip: "127.0.0.1", port, timeoutMs: 4000 });
    const by = Object.fromEntries(sims.map((s) => [s.client.split(" ")[0], s]));
    for (const name of ["Chrome", "Firefox", "Safari"]) {
      expect(by[name]).toMatchObject({ protocol: "TLSv1.3", forwardSecrecy: true, aead: true });
    }
    expect(by.Android).toMatchObject({
      protocol: "TLSv1.2",
      suite: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      code: "0xC02F",
      forwardSecrecy: true,
      aead: true,
    });
    // Java 8 and IE 11 offer CBC first, but the server's order puts GCM first.
    expect(by.Java).toMatchObject({ protocol: "TLSv1.2", suite: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" });
  });

  it("a failed handshake is all nulls, not an exception", async () => {
    const [sim] = await simulateClients({
      host: "127.0.0.1",
      port,
      clients: [
        {
          name: "Nothing in common",
          maxVersion: "TLSv1.2",
          suites: [0x0005],
          groups: [0x17],
          signatureAlgorithms: [0x0401],
        },
      ],
    });
    expect(sim).toEqual({
      client: "Nothing in common",
      protocol: null,
      suite: null,
      code: null,
      forwardSecrecy: null,
      aead: null,
    });
  });
});
