import { describe, expect, it } from "vitest";
import { buildDigest } from "@/lib/alerts/digest";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { DEFAULT_ALERT_POLICY } from "@/lib/alerts/policy";
import { makeAssessment } from "@/lib/alerts/testing";
import { formatEmail } from "./format-email";
import { formatSlack } from "./format-slack";
import { formatWebhook } from "./format-webhook";
import { notifiers } from "./registry";
import { absoluteLink, formatUtc, renderDigest, renderMessage } from "./render-message";
import { CHANNEL_KINDS } from "./types";

const NOW = new Date("2026-03-01T06:00:00Z");
function decision(overrides: Parameters<typeof makeAssessment>[0] = { now: NOW }) {
  return evaluateAlerts({
    endpoint: { id: 3, name: "Billing <prod>" },
    assessment: makeAssessment({ leaf: { fingerprint: "ef56", daysLeft: 3 }, ...overrides }),
    previousState: null,
    policy: DEFAULT_ALERT_POLICY,
    now: NOW,
  }).decisions[0]!;
}

describe("renderMessage", () => {
  it("carries endpoint, IP, expiry in UTC with days left, grade, advice and the link", () => {
    const m = renderMessage(decision(), { baseUrl: "https://cw.example.net/base/" });
    expect(m.link).toBe("https://cw.example.net/base/endpoints/3");
    const f = Object.fromEntries(m.fields.map((x) => [x.label, x.value]));
    expect(f).toMatchObject({
      Endpoint: "Billing <prod> (example.com:443)",
      "IP address": "192.0.2.10",
      Expires: "2026-03-04 06:00 UTC (3 days left)",
      Grade: "A",
      "SHA-256": "ef56",
    });
    expect(m.advice).toMatch(/^Renew/);
  });

  it("leaves the link out without a usable base URL", () => {
    expect(absoluteLink(null, "/x")).toBeNull();
    expect(absoluteLink("javascript:alert(1)", "/x")).toBeNull();
    expect(formatUtc("2026-03-04T06:00:59.999Z")).toBe("2026-03-04 06:00 UTC");
  });

  it("renders a digest as one message, most severe first", () => {
    const digest = buildDigest({ decisions: [decision()], day: NOW })!;
    const m = renderDigest(digest, { baseUrl: null });
    expect(m).toMatchObject({
      kind: "digest",
      severity: "critical",
      summary: ["[critical] Certificate on Billing <prod> expires in 3 days"],
    });
  });
});

describe("channel formatting", () => {
  const m = renderMessage(decision(), { baseUrl: "https://cw.example.net" });

  it("email: escapes HTML and keeps the subject on one line", () => {
    const e = formatEmail({ ...m, title: "line\r\nBcc: evil@example.com" });
    expect(e.subject).toBe("[Certwatch] CRITICAL: line Bcc: evil@example.com");
    expect(formatEmail(m).html).toContain("Billing &#60;prod&#62;");
    expect(formatEmail(m).html).not.toContain("<prod>");
  });

  it("slack: escapes mrkdwn control characters and respects Block Kit limits", () => {
    const long = {
      ...m,
      title: "x".repeat(400),
      fields: Array.from({ length: 14 }, (_, i) => ({ label: `f${i}`, value: "v" })),
    };
    const s = formatSlack(long);
    const header = s.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect((s.blocks[2] as { fields: unknown[] }).fields).toHaveLength(10);
    expect(JSON.stringify(formatSlack(m))).toContain("Billing &lt;prod&gt;");
  });

  it("webhook: a versioned body with the machine-readable decision", () => {
    expect(formatWebhook(m)).toMatchObject({
      version: 1,
      id: m.id,
      type: "alert",
      data: { endpointId: 3, threshold: "7d" },
    });
  });

  it("the registry has a notifier for every channel kind", () => {
    for (const kind of CHANNEL_KINDS) expect(notifiers[kind].kind).toBe(kind);
  });
});
