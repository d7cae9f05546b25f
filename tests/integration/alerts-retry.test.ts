import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EndpointRow } from "@/db/schema";
import { createChannel } from "@/server/services/channel/create-channel";
import { SmtpSink } from "../fakes/smtp-sink";
import { WebhookReceiver } from "../fakes/webhook-receiver";
import { type AlertHarness, actor, startAlertHarness, waitUntil } from "./alerts-harness";

let h: AlertHarness;
const slack = new WebhookReceiver();
const sink = new SmtpSink();

beforeAll(async () => {
  h = await startAlertHarness({ backoff: { baseMs: 200, capMs: 1_000 } });
  await slack.start();
  const port = await sink.start();
  h.onCleanup(() => slack.stop());
  h.onCleanup(() => sink.stop());
  // Tag routing keeps each scenario on its own channel.
  await createChannel({
    ctx: h.channelCtx,
    actor,
    input: {
      kind: "slack",
      name: "Slack",
      tags: ["slack"],
      config: { url: slack.url("/services/T0/B0/slacksecret1234") },
    },
  });
  await createChannel({
    ctx: h.channelCtx,
    actor,
    input: {
      kind: "email",
      name: "Mail",
      tags: ["mail"],
      config: {
        host: "127.0.0.1",
        port,
        requireTLS: false,
        from: "certwatch@example.net",
        to: ["ops@example.com"],
      },
    },
  });
}, 30_000);

afterAll(() => h?.cleanup());

function onlyDelivery(e: EndpointRow) {
  const [alert, ...more] = h.sentAlerts(e.id);
  if (!alert || more.length) return null;
  const [d] = h.deliveriesOf(alert.id);
  return d ?? null;
}

describe("delivery retries", () => {
  it("Slack answering 429 (Retry-After: 1) then 200: delivered once, after the delay", async () => {
    slack.respondWith({ status: 429, headers: { "Retry-After": "1" }, body: "rate_limited" });
    const e = await h.endpointExpiringIn(5, { tags: ["slack"] });
    await waitUntil("the 429", () => slack.requests.length >= 1);
    const first = Date.now();
    // The receiver logs the request before the worker has read the 429 and updated the row.
    await waitUntil("the 429 recorded", () => onlyDelivery(e)?.status !== "pending");
    expect(onlyDelivery(e)).toMatchObject({
      status: "retrying",
      lastError: expect.stringMatching(/RATE_LIMITED/),
    });
    await waitUntil("the delivery sent", () => onlyDelivery(e)?.status === "sent");
    const waited = Date.now() - first;
    const scansNow = h.scanCount(e.id);
    await waitUntil("two more scans", () => h.scanCount(e.id) >= scansNow + 2);
    expect(slack.requests).toHaveLength(2);
    // Retry-After is a lower bound (the poll that saw the 429 may lag it by a few ms).
    expect(waited).toBeGreaterThanOrEqual(900);
    const body = JSON.parse(slack.requests[1]!.rawBody) as { text: string; blocks: unknown[] };
    expect(body.text).toMatch(/expires in 5 days/);
    expect(onlyDelivery(e)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  }, 60_000);

  it("an SMTP server down for a while, then back on the same port: the alert arrives once", async () => {
    await sink.stop();
    const e = await h.endpointExpiringIn(5, { tags: ["mail"] });
    await waitUntil("several failed attempts", () => (onlyDelivery(e)?.attempts ?? 0) >= 3);
    expect(onlyDelivery(e)).toMatchObject({
      status: "retrying",
      lastError: expect.stringMatching(/UNREACHABLE/),
    });
    expect(sink.messages).toHaveLength(0);
    await sink.start();
    await waitUntil("the mail", () => sink.messages.length >= 1);
    await waitUntil("the delivery sent", () => onlyDelivery(e)?.status === "sent");
    const scansNow = h.scanCount(e.id);
    await waitUntil("two more scans", () => h.scanCount(e.id) >= scansNow + 2);
    expect(sink.messages.map((m) => m.subject)).toEqual([expect.stringMatching(/expires in 5 days/)]);
  }, 60_000);
});
