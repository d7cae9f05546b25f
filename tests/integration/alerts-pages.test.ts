import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "@/db/client";
import { endpoints } from "@/db/schema";
import { makeAssessment } from "@/lib/alerts/testing";
import { createSession } from "@/server/auth/sessions";
import { loadSecretKey } from "@/server/crypto/secret-box";
import { createChannel } from "@/server/services/channel/create-channel";
import { recordScan } from "@/server/services/scan/record-scan";
import { type RunningProduct, seedUser, startProduct } from "../fakes/product";
import { WebhookReceiver } from "../fakes/webhook-receiver";
import { fetchRetrying } from "../support/fetch-retrying";
import { actor, waitUntil } from "./alerts-harness";

const SECRET = "page-test-secret-0123456789";
const PATH = "/hooks/pagesecretpath987654";
let product: RunningProduct;
let db: Db;
const hook = new WebhookReceiver();
let channelId: number;
let endpointId: number;

function cookieFor(email: string): Record<string, string> {
  const { id } = db.$client.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: number };
  const { token } = createSession(db, id, { idleMs: 3_600_000, maxMs: 86_400_000 });
  return { Cookie: `cw_session=${token}` };
}

async function page(path: string, email = "admin@example.com"): Promise<{ status: number; html: string }> {
  const res = await fetchRetrying(`${product.baseUrl}${path}`, {
    headers: cookieFor(email),
    redirect: "manual",
  });
  return { status: res.status, html: await res.text() };
}

beforeAll(async () => {
  product = await startProduct({ CERTWATCH_RECONCILE_SECONDS: "2" });
  await hook.start();
  seedUser(product.dataDir, "admin@example.com", "admin");
  seedUser(product.dataDir, "viewer@example.com", "viewer");
  db = openDb(`${product.dataDir}/certwatch.db`);
  const ctx = { db, secretKey: loadSecretKey({ dataDir: product.dataDir }, () => {}) };
  channelId = (
    await createChannel({
      ctx,
      actor,
      input: { kind: "webhook", name: "Pager hook", config: { url: hook.url(PATH), secret: SECRET } },
    })
  ).id;
  const at = new Date().toISOString();
  const e = db
    .insert(endpoints)
    .values({
      host: "pages.example.test",
      port: 443,
      enabled: false,
      targetKey: "pages",
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  endpointId = e.id;
  const assessment = makeAssessment({
    now: new Date(),
    host: e.host,
    leaf: { fingerprint: "ef".repeat(32), daysLeft: 3.5, lifetimeDays: 300 },
  });
  recordScan({ db, endpointId: e.id, scanKey: "pages-1", assessment });
}, 300_000);

afterAll(async () => {
  await hook.stop();
  await product?.stop();
});

describe("alert pages in the real product", () => {
  it("the product's worker delivers the recorded alert (its sweep finds the pending delivery)", async () => {
    await waitUntil("the webhook", () => hook.requests.length >= 1, 90_000);
    expect(hook.requests[0]!.url).toBe(PATH);
  }, 100_000);

  it("/alerts lists it with the channel's delivery status", async () => {
    // The webhook may have arrived a moment before the worker marked the delivery sent.
    const sent = /Pager hook(<!-- -->)?: (<!-- -->)?sent/;
    const { status, html } = await waitUntil("the delivery shown as sent", async () => {
      const r = await page("/alerts");
      return sent.test(r.html) && r;
    });
    expect(status).toBe(200);
    expect(html).toContain("pages.example.test");
    expect(html).toMatch(sent);
  });

  it("channel pages show no secret; the edit page and the forms render", async () => {
    for (const path of ["/settings/channels", `/settings/channels/${channelId}`, "/settings/channels/new"]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html).not.toContain(SECRET);
      expect(html).not.toContain(PATH.slice(1));
    }
    expect((await page("/settings/channels")).html).toContain("Send test");
    expect((await page(`/endpoints/${endpointId}/alerts`)).html).toContain("Save alert policy");
    expect((await page("/settings/alert-policies")).status).toBe(200);
  });

  it("a viewer sees history but cannot open channel settings forms", async () => {
    expect((await page("/alerts", "viewer@example.com")).status).toBe(200);
    expect((await page("/settings/channels/new", "viewer@example.com")).html).toContain(
      "cannot open this page",
    );
  });
});
