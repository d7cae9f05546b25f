import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { DEFAULT_ALERT_POLICY } from "@/lib/alerts/policy";
import { makeAssessment } from "@/lib/alerts/testing";
import {
  deliver,
  type EmailConfig,
  emailNotifier,
  NotifierError,
  renderMessage,
  testChannel,
} from "@/lib/notifiers";
import { makeChain } from "../fakes/pki";
import { SmtpSink } from "../fakes/smtp-sink";

const NOW = new Date("2026-03-01T06:00:00Z");
const PASS = "s3cret-Pa55word!";

function expiryMessage() {
  const { decisions } = evaluateAlerts({
    endpoint: { id: 12, name: "Shop" },
    assessment: makeAssessment({
      now: NOW,
      host: "shop.example.com",
      ip: "192.0.2.7",
      leaf: { fingerprint: "ab12", daysLeft: 5.2 },
      grade: "B",
    }),
    previousState: null,
    policy: DEFAULT_ALERT_POLICY,
    now: NOW,
  });
  return renderMessage(decisions[0]!, { baseUrl: "https://certwatch.example.net/" });
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
  for (const s of secrets) {
    expect(visible).not.toContain(s);
    expect(visible).not.toContain(Buffer.from(s).toString("base64"));
  }
}

describe("email over plain SMTP (sink without STARTTLS)", () => {
  const sink = new SmtpSink();
  let config: EmailConfig;
  beforeAll(async () => {
    const port = await sink.start();
    config = {
      host: "127.0.0.1",
      port,
      secure: false,
      requireTLS: false,
      from: "Certwatch <certwatch@example.net>",
      to: ["ops@example.com", "oncall@example.com"],
    };
  });
  afterAll(() => sink.stop());

  it("delivers the alert with what happened, where, days left in UTC, grade, advice and a link", async () => {
    const result = await emailNotifier.send(config, expiryMessage(), { timeoutMs: 5000 });
    expect(result).toMatchObject({ kind: "email", status: null });
    const [mail] = await sink.waitFor(1);
    expect(mail!.envelopeTo).toEqual(["ops@example.com", "oncall@example.com"]);
    expect(mail!.subject).toBe("[Certwatch] CRITICAL: Certificate on Shop expires in 5 days");
    expect(mail!.headers["message-id"]).toMatch(/^<[0-9a-f]{32}@example\.net>$/);
    const text = mail!.text ?? "";
    for (const s of [
      "Shop (shop.example.com:443)",
      "192.0.2.7",
      "2026-03-06 10:48 UTC (5 days left)",
      "Grade:",
      "B",
      "What to do: Renew the certificate",
      "https://certwatch.example.net/endpoints/12",
    ])
      expect(text).toContain(s);
    expect(mail!.html).toContain('<a href="https://certwatch.example.net/endpoints/12">');
  });

  it("refuses to send in clear when STARTTLS is required but not offered, without leaking the password", async () => {
    const e = await failure(
      emailNotifier.send({ ...config, requireTLS: true, user: "alerts", pass: PASS }, expiryMessage(), {
        timeoutMs: 5000,
      }),
    );
    expect(e.code).toBe("NOTIFIER_UNREACHABLE");
    expect(e.message).toMatch(/TLS/);
    expectNoSecret(e, PASS);
  });

  it("SMTP down gives NOTIFIER_UNREACHABLE (retryable, no secret); once it is back the mail goes through", async () => {
    const before = sink.messages.length;
    await sink.stop();
    const withAuth = { ...config, user: "alerts", pass: PASS };
    const e = await failure(emailNotifier.send(withAuth, expiryMessage(), { timeoutMs: 2000 }));
    expect(e.code).toBe("NOTIFIER_UNREACHABLE");
    expect(e.retryable).toBe(true);
    expect(e.message).toContain(`127.0.0.1:${config.port}`);
    expectNoSecret(e, PASS);
    await sink.start();
    await emailNotifier.send(config, expiryMessage(), { timeoutMs: 5000 });
    expect((await sink.waitFor(before + 1)).length).toBe(before + 1);
  });

  it("bad settings are NOTIFIER_CONFIG_INVALID and never echo the password", async () => {
    const e = await failure(
      deliver("email", { ...config, to: ["not-an-address"], pass: PASS }, expiryMessage()),
    );
    expect(e.code).toBe("NOTIFIER_CONFIG_INVALID");
    expect(e.message).toContain("to.0");
    expectNoSecret(e, PASS);
  });
});

describe("email with STARTTLS, a private CA and a login", () => {
  let sink: SmtpSink;
  let config: EmailConfig;
  beforeAll(async () => {
    const pki = await makeChain("localhost");
    sink = new SmtpSink({
      tls: { cert: `${pki.leaf.pem}\n${pki.intermediate.pem}`, key: pki.leaf.keyPem },
      auth: { user: "alerts", pass: PASS },
    });
    const port = await sink.start();
    config = {
      host: "127.0.0.1",
      port,
      secure: false,
      requireTLS: true,
      user: "alerts",
      pass: PASS,
      from: "certwatch@example.net",
      to: ["ops@example.com"],
      tlsCaPem: pki.root.pem,
    };
  });
  afterAll(() => sink.stop());

  it("upgrades to TLS, verifies the server against the configured CA and logs in", async () => {
    await emailNotifier.send(config, expiryMessage(), { timeoutMs: 5000 });
    const [mail] = await sink.waitFor(1);
    expect(mail).toMatchObject({ secure: true, authUser: "alerts" });
    await expect(testChannel("email", config, { timeoutMs: 5000 })).resolves.toMatchObject({ kind: "email" });
  });

  it("without the CA the server's certificate is refused (never rejectUnauthorized: false)", async () => {
    const e = await failure(emailNotifier.test({ ...config, tlsCaPem: undefined }, { timeoutMs: 5000 }));
    expect(e.code).toBe("NOTIFIER_UNREACHABLE");
    expect(e.hint).toContain("tlsCaPem");
    expectNoSecret(e, PASS);
  });

  it("a wrong password is NOTIFIER_REJECTED, not retried, and not shown", async () => {
    const wrong = "Wr0ng-pa55word-xyz";
    const e = await failure(
      emailNotifier.send({ ...config, pass: wrong }, expiryMessage(), { timeoutMs: 5000 }),
    );
    expect(e.code).toBe("NOTIFIER_REJECTED");
    expect(e.retryable).toBe(false);
    expectNoSecret(e, wrong, PASS);
  });
});

describe("recipients refused", () => {
  it("550 is permanent, 451 is retried later", async () => {
    for (const [code, retryable] of [
      [550, false],
      [451, true],
    ] as const) {
      const sink = new SmtpSink({ rejectRecipientsWith: code });
      const port = await sink.start();
      try {
        const cfg = {
          host: "127.0.0.1",
          port,
          secure: false,
          requireTLS: false,
          from: "certwatch@example.net",
          to: ["ops@example.com"],
        };
        const e = await failure(emailNotifier.send(cfg, expiryMessage(), { timeoutMs: 5000 }));
        expect(e.code).toBe("NOTIFIER_REJECTED");
        expect(e.retryable).toBe(retryable);
      } finally {
        await sink.stop();
      }
    }
  });
});
