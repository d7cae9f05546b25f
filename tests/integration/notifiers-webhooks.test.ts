import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { DEFAULT_ALERT_POLICY } from "@/lib/alerts/policy";
import { makeAssessment } from "@/lib/alerts/testing";
import {
  deliver,
  NotifierError,
  renderMessage,
  slackNotifier,
  testChannel,
  verifyWebhookSignature,
  webhookNotifier,
} from "@/lib/notifiers";
import { WebhookReceiver } from "../fakes/webhook-receiver";

const NOW = new Date("2026-03-01T06:00:00Z");
const TOKEN = "T000/B000/XXXXsecretTOKENxxxx";
const SECRET = "whsec-0123456789abcdef";

function message() {
  const { decisions } = evaluateAlerts({
    endpoint: { id: 5, name: null },
    assessment: makeAssessment({
      now: NOW,
      host: "api.example.com",
      leaf: { fingerprint: "cd34", daysLeft: 12 },
      grade: "A-",
    }),
    previousState: null,
    policy: DEFAULT_ALERT_POLICY,
    now: NOW,
  });
  return renderMessage(decisions[0]!, { baseUrl: "https://certwatch.example.net" });
}

async function failure(p: Promise<unknown>): Promise<NotifierError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(NotifierError);
  return e as NotifierError;
}

function expectNoSecret(e: NotifierError, ...secrets: string[]) {
  const visible = `${e.message} ${e.hint} ${JSON.stringify(e)} ${String(e.stack)}`;
  for (const s of secrets) expect(visible).not.toContain(s);
}

interface Block {
  type: string;
  text?: Record<string, unknown>;
  fields?: { type: string; text: string }[];
  elements?: Record<string, unknown>[];
}

const receiver = new WebhookReceiver();
let slackUrl: string;
beforeAll(async () => {
  await receiver.start();
  slackUrl = receiver.url(`/services/${TOKEN}`);
});
afterAll(() => receiver.stop());
beforeEach(() => {
  receiver.requests.length = 0;
});

describe("Slack", () => {
  it("posts a Block Kit message with grade, days left, names and a link", async () => {
    const r = await slackNotifier.send({ url: slackUrl }, message(), { timeoutMs: 5000 });
    expect(r).toMatchObject({ kind: "slack", status: 200 });
    const [req] = receiver.requests;
    expect(req!.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(req!.rawBody) as { text: string; blocks: Block[] };
    expect(body.text).toBe("Certificate on api.example.com expires in 12 days");
    expect(body.blocks.map((b) => b.type)).toEqual([
      "header",
      "section",
      "section",
      "section",
      "actions",
      "context",
    ]);
    expect(body.blocks[0]!.text).toMatchObject({ type: "plain_text", emoji: true });
    const fields = (body.blocks[2]!.fields ?? []).map((f) => f.text);
    expect(fields.length).toBeLessThanOrEqual(10);
    expect(fields).toContain("*Expires*\n2026-03-13 06:00 UTC (12 days left)");
    expect(fields).toContain("*Grade*\nA-");
    expect(fields).toContain("*Names*\nexample.com, www.example.com");
    expect(body.blocks[4]!.elements?.[0]).toMatchObject({
      type: "button",
      url: "https://certwatch.example.net/endpoints/5",
    });
  });

  it("429 surfaces Retry-After as NOTIFIER_RATE_LIMITED; the retry then goes through", async () => {
    receiver.respondWith({ status: 429, headers: { "retry-after": "7" }, body: "rate_limited" });
    const e = await failure(slackNotifier.send({ url: slackUrl }, message(), { timeoutMs: 5000 }));
    expect(e.code).toBe("NOTIFIER_RATE_LIMITED");
    expect(e.retryAfterMs).toBe(7000);
    expect(e.retryable).toBe(true);
    expectNoSecret(e, TOKEN, "XXXXsecretTOKENxxxx");
    await expect(
      slackNotifier.send({ url: slackUrl }, message(), { timeoutMs: 5000 }),
    ).resolves.toMatchObject({ status: 200 });
  });

  it("a deleted webhook (404 no_service) is NOTIFIER_REJECTED, not retried, URL redacted", async () => {
    receiver.respondWith({ status: 404, body: "no_service" });
    const e = await failure(slackNotifier.send({ url: slackUrl }, message(), { timeoutMs: 5000 }));
    expect(e).toMatchObject({ code: "NOTIFIER_REJECTED", retryable: false });
    expect(e.message).toBe(`Slack at ${receiver.baseUrl}/*** answered HTTP 404: no_service`);
    expectNoSecret(e, TOKEN, "/services/");
  });

  it("an unreachable URL with a token never shows the token", async () => {
    const closed = new WebhookReceiver();
    await closed.start();
    const url = closed.url(`/services/${TOKEN}?token=abc123secret`);
    await closed.stop();
    const e = await failure(slackNotifier.send({ url }, message(), { timeoutMs: 2000 }));
    expect(e.code).toBe("NOTIFIER_UNREACHABLE");
    expectNoSecret(e, TOKEN, "abc123secret");
  });

  it("a silent receiver times out as NOTIFIER_UNREACHABLE", async () => {
    receiver.respondWith({ status: 200, delayMs: 3000 });
    const e = await failure(slackNotifier.send({ url: slackUrl }, message(), { timeoutMs: 200 }));
    expect(e.code).toBe("NOTIFIER_UNREACHABLE");
    expect(e.message).toContain("no answer in time");
  });

  it("invalid settings are NOTIFIER_CONFIG_INVALID", async () => {
    const e = await failure(deliver("slack", { url: `ftp://hooks.example.com/${TOKEN}` }, message()));
    expect(e.code).toBe("NOTIFIER_CONFIG_INVALID");
    expectNoSecret(e, TOKEN);
  });
});

describe("generic webhook", () => {
  const config = () => ({
    url: receiver.url("/hooks/certwatch?key=qwerty-secret-key"),
    secret: SECRET,
    headers: { Authorization: "Bearer tok-987654321" },
  });

  it("signs the raw body with HMAC-SHA256 over '<timestamp>.<body>' as documented", async () => {
    const fixed = new Date("2026-03-01T06:00:05Z");
    await webhookNotifier.send(config(), message(), { timeoutMs: 5000, now: () => fixed });
    const [req] = receiver.requests;
    const ts = req!.headers["x-certwatch-timestamp"] as string;
    expect(ts).toBe(String(fixed.getTime() / 1000));
    // The README's algorithm, written out independently of the library.
    const expected = `sha256=${createHmac("sha256", SECRET).update(`${ts}.${req!.rawBody}`).digest("hex")}`;
    expect(req!.headers["x-certwatch-signature"]).toBe(expected);
    expect(req!.headers.authorization).toBe("Bearer tok-987654321");
    const sig = req!.headers["x-certwatch-signature"] as string;
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        rawBody: req!.rawBody,
        signature: sig,
        timestamp: ts,
        now: fixed,
      }),
    ).toBe(true);
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        rawBody: `${req!.rawBody} `,
        signature: sig,
        timestamp: ts,
        now: fixed,
      }),
    ).toBe(false);
    expect(
      verifyWebhookSignature({
        secret: "wrong-secret-000000",
        rawBody: req!.rawBody,
        signature: sig,
        timestamp: ts,
        now: fixed,
      }),
    ).toBe(false);
    const stale = new Date(fixed.getTime() + 3_600_000);
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        rawBody: req!.rawBody,
        signature: sig,
        timestamp: ts,
        now: stale,
      }),
    ).toBe(false);
  });

  it("sends a versioned JSON body with the decision's identifiers and a delivery id", async () => {
    const m = message();
    await webhookNotifier.send(config(), m, { timeoutMs: 5000 });
    const [req] = receiver.requests;
    const body = JSON.parse(req!.rawBody);
    expect(body).toMatchObject({
      version: 1,
      id: m.id,
      event: "expiry",
      status: "firing",
      severity: "warning",
      link: "https://certwatch.example.net/endpoints/5",
    });
    expect(body.data).toMatchObject({
      endpointId: 5,
      ip: "192.0.2.10",
      fingerprint: "cd34",
      threshold: "14d",
    });
    expect(req!.headers["x-certwatch-delivery"]).toBe(m.id);
  });

  it("5xx is retryable NOTIFIER_UNREACHABLE; echoed secrets are scrubbed from the error", async () => {
    receiver.respondWith({
      status: 503,
      body: `upstream down, key=qwerty-secret-key secret=${SECRET} auth=tok-987654321`,
    });
    const e = await failure(webhookNotifier.send(config(), message(), { timeoutMs: 5000 }));
    expect(e).toMatchObject({ code: "NOTIFIER_UNREACHABLE", retryable: true });
    expectNoSecret(e, "qwerty-secret-key", SECRET, "tok-987654321", "/hooks/certwatch");
  });

  it("does not follow redirects", async () => {
    receiver.respondWith({ status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } });
    const e = await failure(webhookNotifier.send(config(), message(), { timeoutMs: 5000 }));
    expect(e.code).toBe("NOTIFIER_REJECTED");
    expect(receiver.requests).toHaveLength(1);
  });

  it("the settings page's test sends a signed test event", async () => {
    await expect(testChannel("webhook", config(), { timeoutMs: 5000 })).resolves.toMatchObject({
      status: 200,
    });
    expect(JSON.parse(receiver.requests[0]!.rawBody)).toMatchObject({ type: "test", event: "test" });
  });

  it("a short secret is refused as NOTIFIER_CONFIG_INVALID without echoing it", async () => {
    const e = await failure(deliver("webhook", { ...config(), secret: "short-secret" }, message()));
    expect(e.code).toBe("NOTIFIER_CONFIG_INVALID");
    expectNoSecret(e, "short-secret", "qwerty-secret-key");
  });
});
