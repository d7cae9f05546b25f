import tls from "node:tls";
import { afterAll, beforeAll, expect, it } from "vitest";
import { assessEndpoint } from "@/lib/assessment/assess-endpoint";
import { DEFAULT_ADDRESS_POLICY } from "@/lib/net/address-policy";
import { makeChain, type TestPki } from "../fakes/pki";
import { listen, splitPem } from "../fakes/tls-server";

// One name with an A and an AAAA record, each address served by its own server with its own
// certificate (as behind a load balancer): each is assessed and reported separately.
let a: TestPki;
let b: TestPki;
const servers: { close(): Promise<void> }[] = [];
let port = 0;

beforeAll(async () => {
  a = await makeChain("multi.test", { notAfterDays: 40 });
  b = await makeChain("multi.test", { notAfterDays: 5 });
  const v4 = tls.createServer(
    { cert: splitPem([a.leaf.pem, a.intermediate.pem]).join(""), key: a.leaf.keyPem },
    (s) => s.end(),
  );
  const first = await listen(v4);
  port = first.port;
  servers.push(first);
  const v6 = tls.createServer(
    { cert: splitPem([b.leaf.pem, b.intermediate.pem]).join(""), key: b.leaf.keyPem },
    (s) => s.end(),
  );
  await new Promise<void>((resolve, reject) => {
    v6.once("error", reject);
    v6.listen(port, "::1", () => resolve());
  });
  servers.push({ close: () => new Promise((r) => v6.close(() => r())) });
});

afterAll(async () => {
  for (const s of servers) await s.close();
});

const lookup = async () => [
  { address: "127.0.0.1", family: 4 as const },
  { address: "::1", family: 6 as const },
];

it("assesses every A/AAAA address of a name separately", async () => {
  const results = await assessEndpoint(
    { host: "multi.test", port, ip: null, sni: null, caPem: `${a.root.pem}\n${b.root.pem}` },
    { timeoutMs: 3_000, quick: true, revocation: false, lookup },
  );
  expect(results.map((r) => r.target.ip)).toEqual(["127.0.0.1", "::1"]);
  expect(results.map((r) => r.error)).toEqual([null, null]);
  expect(results.map((r) => r.certificate?.daysRemaining)).toEqual([39, 4]);
  expect(results.map((r) => r.chain?.trusted)).toEqual([true, true]);
});

it("the first address only, when asked", async () => {
  const results = await assessEndpoint(
    { host: "multi.test", port, ip: null, sni: null, caPem: a.root.pem },
    { timeoutMs: 3_000, quick: true, revocation: false, lookup, allAddresses: false },
  );
  expect(results).toHaveLength(1);
});

it("refuses link-local and metadata addresses before connecting", async () => {
  const [r] = await assessEndpoint(
    { host: "metadata.test", port: 80, ip: null, sni: null, caPem: null },
    {
      timeoutMs: 1_000,
      quick: true,
      policy: DEFAULT_ADDRESS_POLICY,
      lookup: async () => [{ address: "169.254.169.254", family: 4 }],
    },
  );
  expect(r?.error?.code).toBe("ADDRESS_NOT_ALLOWED");
  expect(r?.grade).toBeNull();
});
