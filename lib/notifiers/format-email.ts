import type { NeutralMessage } from "./types";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const TAG: Record<NeutralMessage["severity"], string> = {
  critical: "CRITICAL",
  warning: "Warning",
  info: "Info",
};
const COLOUR: Record<NeutralMessage["severity"], string> = {
  critical: "#b42318",
  warning: "#b54708",
  info: "#175cd3",
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Header values must not carry line breaks (header injection) and should stay short. */
function oneLine(s: string, max: number): string {
  const flat = s.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatEmail(m: NeutralMessage): EmailContent {
  const tag = m.status === "resolved" ? "Resolved" : TAG[m.severity];
  const subject = oneLine(`[Certwatch] ${tag}: ${m.title}`, 200);
  const width = Math.max(0, ...m.fields.map((f) => f.label.length));
  const text = [
    ...m.summary,
    "",
    ...m.fields.map((f) => `${`${f.label}:`.padEnd(width + 2)}${f.value}`),
    ...(m.advice ? ["", `What to do: ${m.advice}`] : []),
    ...(m.link ? ["", `Open in Certwatch: ${m.link}`] : []),
    "",
    `-- Certwatch, ${m.occurredAt}`,
  ].join("\n");
  const rows = m.fields
    .map(
      (f) =>
        `<tr><th align="left" style="padding:2px 12px 2px 0;color:#475467">${escapeHtml(f.label)}</th><td style="padding:2px 0">${escapeHtml(f.value)}</td></tr>`,
    )
    .join("");
  const html = [
    `<div style="font-family:system-ui,sans-serif;font-size:14px;color:#101828">`,
    `<h2 style="margin:0 0 8px;color:${COLOUR[m.severity]}">${escapeHtml(m.title)}</h2>`,
    ...m.summary.slice(1).map((s) => `<p>${escapeHtml(s)}</p>`),
    rows ? `<table style="border-collapse:collapse;margin:8px 0">${rows}</table>` : "",
    m.advice ? `<p><strong>What to do:</strong> ${escapeHtml(m.advice)}</p>` : "",
    m.link ? `<p><a href="${escapeHtml(m.link)}">Open in Certwatch</a></p>` : "",
    `<p style="color:#667085;font-size:12px">Certwatch · ${escapeHtml(m.occurredAt)}</p>`,
    `</div>`,
  ].join("\n");
  return { subject, text, html };
}
