import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EndpointRow } from "@/db/schema";
import { createChannel } from "@/server/services/channel/create-channel";
import { makeChain } from "../fakes/pki";
import { type ReceivedMail, SmtpSink } from "../fakes/smtp-sink";
import { WebhookReceiver } from "../fakes/webhook-receiver";
import { type AlertHarness, actor, BASE_URL, startAlertHarness, waitUntil } from "./alerts-harness";

const PASS = "smtp-Pa55word-for-alerts";
let h: AlertHarness;
let sink: SmtpSink;
const hook = new WebhookReceiver();

beforeAll(async () => {
  h = await startAlertHarness();
  const pki = await makeChain("localhost");
  sink = new SmtpSink({
    tls: { cert: `${pki.leaf.pem}\n${pki.intermediate.pem}`, key: pki.leaf.keyPem },
    auth: { user: "alerts", pass: PASS },
  });
  const port = await sink.start();
  await hook.start();
  h.onCleanup(() => sink.stop());
  h.onCleanup(() => hook.stop());
  await createChannel({
    ctx: h.channelCtx,
    actor,
    input: {
      kind: "email",
      name: "Ops mail",
      config: {
        host: "127.0.0.1",
        port,
        user: "alerts",
        pass: PASS,
        from: "certwatch@example.net",
        to: ["ops@example.com"],
        tlsCaPem: pki.root.pem,
      },
    },
  });
  await createChannel({
    ctx: h.channelCtx,
    actor,
    input: {
      kind: "webhook",
      name: "Hook",
      config: { url: hook.url("/hooks/certwatch"), secret: "x".repeat(32) },
    },
  });
}, 30_000);

afterAll(() => h?.cleanup());

function mailsFor(e: EndpointRow): ReceivedMail[] {
  return sink.messages.filter((m) => m.subject.includes(`localhost:${e.port}`));
}

function hooksFor(e: EndpointRow) {
  return hook.requests.filter((r) => r.rawBody.includes(`"endpointId":${e.id},`));
}

async function expectOneAlertEach(eps: EndpointRow[]): Promise<void> {
  const [e5, e10, e20, e40] = eps as [EndpointRow, EndpointRow, EndpointRow, EndpointRow];
  // Every endpoint scanned several times after its alert went out: later scans must add nothing.
  await waitUntil("three mails", () => [e5, e10, e20].every((e) => mailsFor(e).length >= 1));
  const scansNow = eps.map((e) => h.scanCount(e.id));
  await waitUntil("two more scans each", () => eps.every((e, i) => h.scanCount(e.id) >= scansNow[i]! + 2));
  await waitUntil("every delivery settled", () =>
    [e5, e10, e20].every((e) =>
      h.sentAlerts(e.id).every((a) => h.deliveriesOf(a.id).every((d) => d.status === "sent")),
    ),
  );
  expect(mailsFor(e5).map((m) => m.subject)).toEqual([
    expect.stringMatching(/critical: .*expires in 5 days/i),
  ]);
  expect(mailsFor(e10).map((m) => m.subject)).toEqual([
    expect.stringMatching(/warning: .*expires in 10 days/i),
  ]);
  expect(mailsFor(e20).map((m) => m.subject)).toEqual([
    expect.stringMatching(/warning: .*expires in 20 days/i),
  ]);
  expect(mailsFor(e40)).toEqual([]);
  expect(h.sentAlerts(e5.id).map((a) => a.threshold)).toEqual(["7d"]);
  expect(h.sentAlerts(e10.id).map((a) => a.threshold)).toEqual(["14d"]);
  expect(h.sentAlerts(e20.id).map((a) => a.threshold)).toEqual(["30d"]);
  expect(h.sentAlerts(e40.id)).toEqual([]);
  for (const e of [e5, e10, e20]) expect(hooksFor(e)).toHaveLength(1);
  expect(hooksFor(e40)).toHaveLength(0);
}

describe("expiry alerts end to end (TLS endpoints → record → deliver → SMTP sink and webhook)", () => {
  it("5, 10, 20 and 40 days left: exactly one 7-day, one 14-day and one 30-day alert, none for 40", async () => {
    const eps: EndpointRow[] = [];
    for (const d of [5, 10, 20, 40]) eps.push(await h.endpointExpiringIn(d));
    await expectOneAlertEach(eps);
    const mail = mailsFor(eps[0]!)[0]!;
    expect(mail.secure).toBe(true);
    expect(mail.authUser).toBe("alerts");
    const text = mail.text ?? "";
    expect(text).toContain(`localhost:${eps[0]!.port}`);
    expect(text).toContain("127.0.0.1");
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(5 days left\)/);
    expect(text).toContain("What to do: Renew the certificate");
    expect(text).toContain(`${BASE_URL}/endpoints/${eps[0]!.id}`);
  }, 60_000);

  it("the same when the worker is stopped mid-run and started again on the same Redis and SQLite", async () => {
    const eps: EndpointRow[] = [];
    for (const d of [5, 10, 20, 40]) eps.push(await h.endpointExpiringIn(d));
    // Stop as soon as the first of them has an alert: some are recorded, some queued, some not scanned.
    await waitUntil("a first alert", () => eps.some((e) => h.sentAlerts(e.id).length > 0));
    await h.workers.stop();
    await h.restart();
    await expectOneAlertEach(eps);
  }, 60_000);
});
