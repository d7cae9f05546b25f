// A local crt.sh stand-in on 127.0.0.1 serving the real `output=json` formats from the shared fixtures,
// with crt.sh's failure modes: silent 10,000-row truncation, 429 without Retry-After, 502/503,
// 404 for query timeouts, and slowness.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { listen } from "./tls-server";

const DIR = path.resolve(process.cwd(), "../shared/fixtures/ct/crtsh");
const FIXTURES: Record<string, string> = {
  "example.com": "crtsh_example.com_2026-04_single.json",
  "zxdev.com": "crtsh_zxdev.com_2025-10.json",
  "github.com": "crtsh_github.com_pre2023-format.json",
  "deriv.com": "crtsh_deriv.com_dNSName_exclude-expired_2024-07.json",
  "lbapps.com": "crtsh_icheck.lbapps.com_pre2023-format.json",
};

export interface CrtshKnobs {
  /** Serve exactly 10,000 rows (derived from the fixture) as crt.sh does when it truncates. */
  truncate: boolean;
  /** Statuses for the next requests, one each (429 is sent without Retry-After, as crt.sh does). */
  failures: number[];
  slowMs: number;
}

export interface FakeCrtsh {
  url: string;
  knobs: CrtshKnobs;
  requests: URL[];
  /** Most requests ever in flight at once. */
  maxConcurrent: number;
  close(): Promise<void>;
}

function rowsFor(domain: string, truncate: boolean): unknown[] {
  const file = FIXTURES[domain];
  const rows: Record<string, unknown>[] = file ? JSON.parse(readFileSync(path.join(DIR, file), "utf8")) : [];
  if (!truncate || rows.length === 0) return rows;
  return Array.from({ length: 10_000 }, (_, i) => ({
    ...rows[i % rows.length],
    id: 1_000_000 + i,
    serial_number: i.toString(16).padStart(32, "0"),
    name_value: `host${i}.${domain}`,
    result_count: 1,
  }));
}

export async function startFakeCrtsh(): Promise<FakeCrtsh> {
  const state = { inflight: 0 };
  const fake = {
    knobs: { truncate: false, failures: [], slowMs: 0 } as CrtshKnobs,
    requests: [] as URL[],
    maxConcurrent: 0,
  };
  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    fake.requests.push(u);
    state.inflight++;
    fake.maxConcurrent = Math.max(fake.maxConcurrent, state.inflight);
    res.on("close", () => state.inflight--);
    if (fake.knobs.slowMs) await new Promise((r) => setTimeout(r, fake.knobs.slowMs));
    const fail = fake.knobs.failures.shift();
    if (fail) return void res.writeHead(fail, { "content-type": "text/html" }).end(`<html>${fail}</html>`);
    const q = u.searchParams.get("q") ?? "";
    if (u.searchParams.get("output") !== "json") return void res.writeHead(200).end("<html>");
    const domain = q.replace(/^%\./, "").toLowerCase();
    const body = JSON.stringify(rowsFor(domain, fake.knobs.truncate));
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  const started = await listen(server);
  return Object.assign(fake, { url: `http://127.0.0.1:${started.port}`, close: started.close });
}
