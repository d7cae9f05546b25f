import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Watchlist } from "@/lib/ct";
import { createRfc6962Client } from "@/lib/ct/client";
import { emptyTailState, initialTailState, type KeyedSighting, parseTailState, tailLog } from "@/lib/ct/tail";
import type { CertwatchError } from "@/lib/errors";
import { precertEntryFor, x509Entry } from "../fakes/ct-log-entries";
import { type FakeRfc6962Log, startFakeRfc6962Log } from "../fakes/ct-log-rfc6962";
import { type CtTestPki, ctTestPki } from "../fakes/ct-test-pki";

let pki: CtTestPki;
const open: FakeRfc6962Log[] = [];
const fast = { minDelayMs: 5, maxDelayMs: 50, timeoutMs: 5_000 };
const watch = new Watchlist([".example.com"]);

beforeAll(async () => {
  pki = await ctTestPki();
});
afterEach(async () => {
  for (const f of open.splice(0)) await f.close();
});

/** A log with: precert + cert for www.example.com, an unrelated cert, a cert for api.example.com. */
async function fakeLog(): Promise<FakeRfc6962Log> {
  const fake = await startFakeRfc6962Log();
  open.push(fake);
  const www = await pki.leaf(["www.example.com"]);
  const other = await pki.leaf(["other.org"]);
  const api = await pki.leaf(["api.example.com"]);
  const chain = [pki.ca.der];
  fake.log.add(
    precertEntryFor(www.der, pki.caSpki, { chain }),
    x509Entry(www.der, { chain }),
    x509Entry(other.der, { chain }),
    x509Entry(api.der, { chain }),
  );
  fake.log.publish();
  return fake;
}

const clientFor = (f: FakeRfc6962Log, batchSize?: number) =>
  createRfc6962Client({ url: f.url, publicKey: f.log.key.publicPem, batchSize, ...fast });

async function collect(f: FakeRfc6962Log, state = emptyTailState()) {
  const got: KeyedSighting[] = [];
  const r = await tailLog({
    client: clientFor(f),
    state,
    watchlist: watch,
    onSightings: (s) => void got.push(...s),
  });
  return { got, r };
}

describe("RFC 6962 client + tailer against a local log", () => {
  it("verifies the STH, reads every entry, and pairs precert and certificate under one TBS hash", async () => {
    const f = await fakeLog();
    const { got, r } = await collect(f);
    expect(r.state.position).toBe(4);
    expect(r.state.verifiedHead?.rootHash).toBe(f.log.root.toString("base64"));
    expect(got.map((s) => [s.index, s.precert, s.dnsNames])).toEqual([
      [0, true, ["www.example.com"]],
      [1, false, ["www.example.com"]],
      [3, false, ["api.example.com"]],
    ]);
    expect(got[0]!.tbsSha256).toEqual(got[1]!.tbsSha256);
    expect(got[0]!.certSha256).toBeNull();
    expect(got[1]!.certSha256?.length).toBe(32);
    expect(got[0]!.spkiSha256).toBe(got[1]!.spkiSha256);
    expect(got[0]!.issuer).toContain("Certwatch CT Test CA");
  });

  it("refuses a tree head with a bad signature and releases nothing", async () => {
    const f = await fakeLog();
    f.log.knobs.badSignature = true;
    const seen: unknown[] = [];
    const err = await tailLog({
      client: clientFor(f),
      state: emptyTailState(),
      watchlist: watch,
      onSightings: (s) => void seen.push(...s),
    }).catch((e: CertwatchError) => e);
    expect((err as CertwatchError).code).toBe("CT_BAD_SIGNATURE");
    expect(seen).toEqual([]);
  });

  it("refuses a tampered entry with CT_ROOT_MISMATCH and keeps the last verified state", async () => {
    const f = await fakeLog();
    const first = await collect(f);
    const more = await pki.leaf(["new.example.com"]);
    f.log.add(x509Entry(more.der), x509Entry(more.der));
    f.log.publish();
    f.log.knobs.tamperIndex = 5;
    const saved: unknown[] = [];
    const seen: unknown[] = [];
    const err = await tailLog({
      client: clientFor(f),
      state: first.r.state,
      watchlist: watch,
      onSightings: (s) => void seen.push(...s),
      onState: (s) => void saved.push(s),
    }).catch((e: CertwatchError) => e);
    expect((err as CertwatchError).code).toBe("CT_ROOT_MISMATCH");
    expect(seen).toEqual([]);
    expect(saved).toEqual([]);
    f.log.knobs.tamperIndex = null;
    const retry = await collect(f, first.r.state);
    expect(retry.r.state.position).toBe(6);
    expect(retry.got.map((s) => s.index)).toEqual([4, 5]);
  });

  it("completes short reads by asking for the rest", async () => {
    const f = await fakeLog();
    f.log.knobs.maxEntries = 1;
    const { r } = await collect(f);
    expect(r.state.position).toBe(4);
    expect(f.log.requests.filter((p) => p.includes("get-entries"))).toHaveLength(4);
  });

  it("retries 429 (with Retry-After) and 503, then succeeds", async () => {
    const f = await fakeLog();
    f.log.knobs.failures = [{ status: 429, retryAfter: "0" }, { status: 503 }, { status: 500 }];
    const { r } = await collect(f);
    expect(r.state.position).toBe(4);
    expect(f.log.requests.filter((p) => p.includes("get-sth")).length).toBeGreaterThanOrEqual(4);
  });

  it("gives up with CT_RATE_LIMITED after bounded retries", async () => {
    const f = await fakeLog();
    f.log.knobs.failures = Array.from({ length: 5 }, () => ({ status: 429 }));
    const client = createRfc6962Client({ url: f.url, publicKey: f.log.key.publicPem, ...fast, retries: 2 });
    const err = await client.getHead().catch((e: CertwatchError) => e);
    expect((err as CertwatchError).code).toBe("CT_RATE_LIMITED");
  });

  it("starts a new log at its end (proof-rebuilt tree) and resumes from serialised state", async () => {
    const f = await fakeLog();
    const start = await initialTailState(clientFor(f));
    expect(start.position).toBe(4);
    const later = await pki.leaf(["later.example.com"]);
    f.log.add(x509Entry(later.der));
    f.log.publish();
    const restored = parseTailState(JSON.parse(JSON.stringify(start)));
    const { got, r } = await collect(f, restored);
    expect(got.map((s) => s.dnsNames[0])).toEqual(["later.example.com"]);
    expect(r.state.position).toBe(5);
    const again = await collect(f, parseTailState(JSON.parse(JSON.stringify(r.state))));
    expect(again.got).toEqual([]);
  });

  it("starts from an arbitrary index and verifies it at the next head", async () => {
    const f = await fakeLog();
    const from = await initialTailState(clientFor(f), { from: 2 });
    expect(from.verifiedHead).toBeNull();
    const { got, r } = await collect(f, from);
    expect(got.map((s) => s.index)).toEqual([3]);
    expect(r.state.verifiedHead?.treeSize).toBe(4);
  });

  it("verifies bounded passes against the signed head with consistency proofs", async () => {
    const f = await fakeLog();
    let state = emptyTailState();
    const got: KeyedSighting[] = [];
    const positions: number[] = [];
    for (let i = 0; i < 10 && state.position < 4; i++) {
      const r = await tailLog({
        client: clientFor(f),
        state,
        watchlist: watch,
        maxEntriesPerPass: 1,
        onSightings: (s) => void got.push(...s),
      });
      expect(r.headSize).toBe(4);
      state = r.state;
      positions.push(state.position);
    }
    expect(positions).toEqual([1, 2, 3, 4]);
    expect(got.map((s) => s.index)).toEqual([0, 1, 3]);
    expect(f.log.requests.filter((p) => p.includes("get-sth-consistency"))).toHaveLength(3);
  });

  it("refuses a bounded pass over a tampered entry (no consistency with the signed head)", async () => {
    const f = await fakeLog();
    f.log.knobs.tamperIndex = 1;
    const err = await tailLog({
      client: clientFor(f),
      state: emptyTailState(),
      watchlist: watch,
      maxEntriesPerPass: 2,
      onSightings: () => {},
    }).catch((e: CertwatchError) => e);
    expect((err as CertwatchError).code).toBe("CT_ROOT_MISMATCH");
    expect((err as CertwatchError).message).toMatch(/not consistent/);
  });
});
