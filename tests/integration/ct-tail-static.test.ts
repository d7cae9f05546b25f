import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Watchlist } from "@/lib/ct";
import { createStaticClient } from "@/lib/ct/client";
import { emptyTailState, initialTailState, type KeyedSighting, type TailState, tailLog } from "@/lib/ct/tail";
import type { CertwatchError } from "@/lib/errors";
import { type FakeEntry, navigliEntries, precertEntryFor, x509Entry } from "../fakes/ct-log-entries";
import { addIssuer, type FakeStaticLog, startFakeStaticLog } from "../fakes/ct-log-static";
import { ctTestPki } from "../fakes/ct-test-pki";

let navigli: FakeEntry[];
const open: FakeStaticLog[] = [];
const fast = { minDelayMs: 5, maxDelayMs: 50, timeoutMs: 10_000 };
const everything = new Watchlist(["."]);

beforeAll(() => {
  navigli = navigliEntries();
});
afterEach(async () => {
  for (const f of open.splice(0)) await f.close();
});

async function fakeLog(size = 1024): Promise<FakeStaticLog> {
  const f = await startFakeStaticLog();
  open.push(f);
  f.log.add(...navigli);
  f.log.publish(size);
  return f;
}

const clientFor = (f: FakeStaticLog) =>
  createStaticClient({
    monitoringUrl: f.monitoringUrl,
    publicKey: f.log.key.publicPem,
    origin: f.origin,
    ...fast,
  });

async function tail(f: FakeStaticLog, state: TailState = emptyTailState(), watchlist = everything) {
  const got: KeyedSighting[] = [];
  const r = await tailLog({
    client: clientFor(f),
    state,
    watchlist,
    onSightings: (s) => void got.push(...s),
  });
  return { got, r };
}

describe("static-ct-api client + tailer against a local log of real Navigli tiles", () => {
  it("verifies the checkpoint (ignoring a grease line) and reads gzip tiles", async () => {
    const f = await fakeLog();
    f.log.knobs.gzip = true;
    const { got, r } = await tail(f);
    expect(r.state.position).toBe(1024);
    expect(got.length).toBeGreaterThan(1000);
    expect(got.every((s) => s.precert)).toBe(true);
    expect(got[0]!.issuer).toContain("Counterfeit Cashew");
    expect(f.log.requests).toContain("/tile/data/003");
  });

  it("reads a partial tile at the checkpoint, then resumes mid-tile when the log grows", async () => {
    const f = await fakeLog(778);
    const first = await tail(f);
    expect(first.r.state.position).toBe(778);
    expect(f.log.requests).toContain("/tile/data/003.p/10");
    f.log.publish(1024);
    const second = await tail(f, first.r.state);
    expect(second.r.state.position).toBe(1024);
    expect(second.got[0]!.index).toBeGreaterThanOrEqual(778);
  });

  it("falls back to the full tile when a partial tile is gone", async () => {
    const f = await fakeLog();
    f.log.knobs.noPartials = true;
    const batches = [];
    for await (const b of clientFor(f).getEntries(768, 1000)) batches.push(b);
    expect(batches).toMatchObject([{ kind: "tile", start: 768, count: 232 }]);
    expect(f.log.requests).toContain("/tile/data/003");
  });

  it("refuses a checkpoint signed by another key or carrying another origin", async () => {
    const f = await fakeLog();
    f.log.knobs.badSignature = true;
    const bad = await clientFor(f)
      .getHead()
      .catch((e: CertwatchError) => e);
    expect((bad as CertwatchError).code).toBe("CT_BAD_SIGNATURE");
    f.log.knobs.badSignature = false;
    const wrongOrigin = createStaticClient({
      monitoringUrl: f.monitoringUrl,
      publicKey: f.log.key.publicPem,
      origin: "elsewhere.example/log",
      ...fast,
    });
    const err = await wrongOrigin.getHead().catch((e: CertwatchError) => e);
    expect((err as CertwatchError).code).toBe("CT_BAD_SIGNATURE");
  });

  it("refuses a tampered tile entry with CT_ROOT_MISMATCH and releases nothing", async () => {
    const f = await fakeLog();
    f.log.knobs.tamperIndex = 300;
    const seen: unknown[] = [];
    const state = emptyTailState();
    const err = await tailLog({
      client: clientFor(f),
      state,
      watchlist: everything,
      onSightings: (s) => void seen.push(...s),
    }).catch((e: CertwatchError) => e);
    expect((err as CertwatchError).code).toBe("CT_ROOT_MISMATCH");
    expect(seen).toEqual([]);
    expect(state.position).toBe(0);
  });

  it("retries 429 and 503 on tiles", async () => {
    const f = await fakeLog();
    f.log.knobs.failures = [{ status: 503 }, { status: 429, retryAfter: "0" }, { status: 502 }];
    const { r } = await tail(f);
    expect(r.state.position).toBe(1024);
  });

  it("rebuilds the tree at the log's end from hash tiles (levels 0-2, partial tiles)", async () => {
    const f = await startFakeStaticLog();
    open.push(f);
    for (let i = 0; i < 70; i++) f.log.add(...navigli);
    f.log.publish(70_000);
    const state = await initialTailState(clientFor(f));
    expect(state.position).toBe(70_000);
    expect(f.log.requests).toEqual(
      expect.arrayContaining(["/tile/2/000.p/1", "/tile/1/001.p/17", "/tile/0/273.p/112"]),
    );
    f.log.publish(70_100);
    const { r } = await tail(f, state);
    expect(r.state.position).toBe(70_100);
  });

  it("pairs a precert and its certificate, and serves issuers checked by hash", async () => {
    const pki = await ctTestPki();
    const f = await startFakeStaticLog();
    open.push(f);
    const leaf = await pki.leaf(["shop.example.com"]);
    const chain = [pki.ca.der];
    f.log.add(
      precertEntryFor(leaf.der, pki.caSpki, { static: true, index: 0, chain }),
      x509Entry(leaf.der, { static: true, index: 1, chain }),
    );
    f.log.publish();
    const hex = addIssuer(f, pki.ca.der);
    const { got } = await tail(f, emptyTailState(), new Watchlist(["shop.example.com"]));
    expect(got).toHaveLength(2);
    expect(got[0]!.tbsSha256).toEqual(got[1]!.tbsSha256);
    const client = clientFor(f);
    expect(await client.getIssuer!(hex)).toEqual(pki.ca.der);
    const missing = await client.getIssuer!("0".repeat(64)).catch((e: CertwatchError) => e);
    expect((missing as CertwatchError).code).toBe("CT_MALFORMED");
  });

  it("bounds passes on tile boundaries and proves them consistent from hash tiles", async () => {
    const f = await startFakeStaticLog();
    open.push(f);
    for (let i = 0; i < 70; i++) f.log.add(...navigli);
    f.log.publish(70_000);
    let state = emptyTailState();
    const positions: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await tailLog({
        client: clientFor(f),
        state,
        watchlist: everything,
        maxEntriesPerPass: 30_000,
        onSightings: () => {},
      });
      state = r.state;
      positions.push(state.position);
      if (state.position === r.headSize) break;
    }
    expect(positions).toEqual([29_952, 59_904, 70_000]);
    const tamperedEarly = await startFakeStaticLog();
    open.push(tamperedEarly);
    tamperedEarly.log.add(...navigli, ...navigli);
    tamperedEarly.log.publish();
    tamperedEarly.log.knobs.tamperIndex = 100;
    const err = await tailLog({
      client: clientFor(tamperedEarly),
      state: emptyTailState(),
      watchlist: everything,
      maxEntriesPerPass: 512,
      onSightings: () => {},
    }).catch((e: CertwatchError) => e);
    expect((err as CertwatchError).code).toBe("CT_ROOT_MISMATCH");
  });
});
