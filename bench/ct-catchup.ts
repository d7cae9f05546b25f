// Catch-up speed of the CT tailer: 200,000 entries from a local static-ct-api log over HTTP (gzip data
// tiles of real Navigli entries), verified against the signed checkpoint, matched against 10,000 items.
// Run: npx tsx bench/ct-catchup.ts   (budget: ≤ 10 s)
import { Watchlist } from "@/lib/ct";
import { createStaticClient } from "@/lib/ct/client";
import { emptyTailState, tailLog } from "@/lib/ct/tail";
import { navigliEntries } from "../tests/fakes/ct-log-entries";
import { startFakeStaticLog } from "../tests/fakes/ct-log-static";
import { writeResult } from "./lib";

const ENTRIES = 200_000;
const BUDGET_S = 10;

function watchlist(): Watchlist {
  const items = [".drive-platform.io", ".dev-euw1.x0a839b.drive-platform.io"];
  for (let i = 0; items.length < 10_000; i++) items.push(i % 2 ? `.brand-${i}.example` : `www.shop-${i}.com`);
  return new Watchlist(items);
}

async function main() {
  const fake = await startFakeStaticLog();
  const real = navigliEntries();
  for (let i = 0; i < ENTRIES; i++) fake.log.entries.push(real[i % real.length]!);
  fake.log.publish(ENTRIES);
  fake.log.knobs.gzip = true;
  fake.warm();
  const client = createStaticClient({
    monitoringUrl: fake.monitoringUrl,
    publicKey: fake.log.key.publicPem,
    origin: fake.origin,
  });
  let sightings = 0;
  const t0 = performance.now();
  const r = await tailLog({
    client,
    state: emptyTailState(),
    watchlist: watchlist(),
    onSightings: (s) => {
      sightings += s.length;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  await fake.close();
  if (r.state.position !== ENTRIES) throw new Error(`stopped at ${r.state.position}`);
  const rate = Math.round(ENTRIES / seconds);
  console.log(
    `caught up ${ENTRIES} entries in ${seconds.toFixed(2)} s: ${rate.toLocaleString("en-US")} entries/s, ${sightings} sightings`,
  );
  writeResult("ct-catchup", {
    entries: ENTRIES,
    seconds: Number(seconds.toFixed(3)),
    entriesPerSecond: rate,
    sightings,
    requests: fake.log.requests.length,
    watchItems: 10_000,
    transport: "HTTP/1.1 loopback, gzip data tiles, 4 tiles in flight",
    budgetSeconds: BUDGET_S,
    withinBudget: seconds <= BUDGET_S,
  });
}

await main();
