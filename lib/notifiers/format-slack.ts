import type { NeutralMessage } from "./types";

// Slack limits: header text 150 chars, section text 3000, at most 10 fields of 2000, 50 blocks.
const HEADER_MAX = 150;
const TEXT_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_MAX = 10;

/** Slack mrkdwn treats &, < and > as control characters. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const ICON: Record<NeutralMessage["severity"], string> = {
  critical: ":red_circle:",
  warning: ":large_orange_circle:",
  info: ":large_blue_circle:",
};

export interface SlackPayload {
  text: string;
  blocks: Record<string, unknown>[];
}

/** A Block Kit message: header, summary, fields (endpoint, expiry, grade…), advice, a button, context. */
export function formatSlack(m: NeutralMessage): SlackPayload {
  const icon = m.status === "resolved" ? ":large_green_circle:" : ICON[m.severity];
  const blocks: Record<string, unknown>[] = [
    {
      type: "header",
      text: { type: "plain_text", text: cut(`${icon} ${m.title}`, HEADER_MAX), emoji: true },
    },
    {
      type: "section",
      text: { type: "mrkdwn", text: cut(m.summary.map(escapeMrkdwn).join("\n"), TEXT_MAX) },
    },
  ];
  if (m.fields.length > 0) {
    blocks.push({
      type: "section",
      fields: m.fields.slice(0, FIELDS_MAX).map((f) => ({
        type: "mrkdwn",
        text: cut(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, FIELD_MAX),
      })),
    });
  }
  if (m.advice) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: cut(`*What to do:* ${escapeMrkdwn(m.advice)}`, TEXT_MAX) },
    });
  }
  if (m.link) {
    blocks.push({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: "Open in Certwatch" }, url: m.link }],
    });
  }
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: escapeMrkdwn(`${m.severity} · ${m.event} · ${m.occurredAt}`) }],
  });
  // `text` is what notifications and screen readers show.
  return { text: cut(m.title, TEXT_MAX), blocks };
}
