import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverySuggestions, listLogHealth, listSightings, listWatchedDomains } from "@/db/queries/ct";
import { ctLogs, endpoints } from "@/db/schema";
import { Watchlist } from "@/lib/ct";
import { createStaticClient } from "@/lib/ct/client";
import { emptyTailState, type KeyedSighting, tailLog } from "@/lib/ct/tail";
import type { Actor } from "@/server/auth/actor";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { parseConfig } from "@/server/env";
import type { ServiceContext } from "@/server/services/context";
import { addWatchedDomain } from "@/server/services/ct/add-watched-domain";
import { recordCtSightings } from "@/server/services/ct/record-sightings";
import { removeWatchedDomain } from "@/server/services/ct/remove-watched-domain";
import { setAllowedIssuers } from "@/server/services/ct/set-allowed-issuers";
import { x509Entry } from "../fakes/ct-log-entries";
import { type FakeStaticLog, startFakeStaticLog } from "../fakes/ct-log-static";
import { ctTestPki } from "../fakes/ct-test-pki";
import { tempDb } from "../support/temp-db";

let t: ReturnType<typeof tempDb>;
let ctx: ServiceContext;
let fake: FakeStaticLog;
const viewer: Actor = { kind: "session", userId: 9, label: "viewer@example.com", role: "viewer" };

beforeAll(async () => {
  t = tempDb();
  ctx = { db: t.db, config: parseConfig({ DATABASE_PATH: t.file }) };
  fake = await startFakeStaticLog();
});
afterAll(async () => {
  await fake?.close();
  t?.remove();
});

describe("CT services and queries", () => {
  it("validates, normalises and de-duplicates watched domains; viewers may not change them", async () => {
    const d = await addWatchedDomain({
      ctx,
      actor: SYSTEM_ACTOR,
      input: { pattern: " .Bücher.Example ", allowedIssuers: "O=Test\n\nO=Test" },
    });
    expect(d).toMatchObject({ pattern: ".xn--bcher-kva.example", allowedIssuers: ["O=Test"] });
    await expect(
      addWatchedDomain({ ctx, actor: SYSTEM_ACTOR, input: { pattern: ".bücher.example" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      addWatchedDomain({ ctx, actor: SYSTEM_ACTOR, input: { pattern: "." } }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(
      addWatchedDomain({ ctx, actor: SYSTEM_ACTOR, input: { pattern: "*.x.com" } }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(addWatchedDomain({ ctx, actor: viewer, input: { pattern: "a.com" } })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await removeWatchedDomain({ ctx, actor: SYSTEM_ACTOR, id: d.id });
    expect(listWatchedDomains(t.db)).toEqual([]);
  });

  it("classifies by allowed issuer, reclassifies when the list changes, and suggests unmonitored names", async () => {
    const pki = await ctTestPki();
    const domain = await addWatchedDomain({ ctx, actor: SYSTEM_ACTOR, input: { pattern: ".shop.test" } });
    const a = await pki.leaf(["a.shop.test", "*.shop.test"]);
    const b = await pki.leaf(["b.shop.test"]);
    fake.log.add(x509Entry(a.der, { static: true, index: 0 }), x509Entry(b.der, { static: true, index: 1 }));
    fake.log.publish();
    const got: KeyedSighting[] = [];
    const client = createStaticClient({
      monitoringUrl: fake.monitoringUrl,
      publicKey: fake.log.key.publicPem,
    });
    await tailLog({
      client,
      state: emptyTailState(),
      watchlist: new Watchlist([{ pattern: domain.pattern, id: domain.id }]),
      onSightings: (s) => void got.push(...s),
    });
    const first = recordCtSightings(t.db, { logId: "log-A", sightings: got, domains: [domain] });
    expect(first.created.map((r) => r.status)).toEqual(["unexpected", "unexpected"]);
    expect(recordCtSightings(t.db, { logId: "log-A", sightings: got, domains: [domain] }).created).toEqual(
      [],
    );
    const r = await setAllowedIssuers({
      ctx,
      actor: SYSTEM_ACTOR,
      id: domain.id,
      issuers: ["certwatch ct test ca"],
    });
    expect(r.reclassified).toBe(2);
    expect(listSightings(t.db, { status: "expected" })).toHaveLength(2);
    expect(listSightings(t.db)[0]!.entries[0]).toMatchObject({ logId: "log-A", entryType: "x509" });
    const now = new Date().toISOString();
    t.db
      .insert(endpoints)
      .values({ host: "b.shop.test", targetKey: "b.shop.test|443||", createdAt: now, updatedAt: now })
      .run();
    expect(discoverySuggestions(t.db).map((s) => s.name)).toEqual(["a.shop.test"]);
  });

  it("reports entries behind and minutes since the last success per log", () => {
    const at = new Date(Date.now() - 5 * 60_000).toISOString();
    t.db
      .insert(ctLogs)
      .values({
        logId: "L",
        kind: "static",
        description: "Test log",
        operator: "Op",
        url: "http://x",
        publicKey: "k",
        mmd: 60,
        position: 100,
        seenTreeSize: 350,
        lastSuccessAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    expect(listLogHealth(t.db)[0]).toMatchObject({ behind: 250, minutesSinceSuccess: 5 });
  });
});
