// In-process SMTP sink for notifier tests: collects parsed messages; stop/start on the same port
// simulates a mail server that is down and comes back.
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export interface ReceivedMail extends ParsedMail {
  envelopeFrom: string | null;
  envelopeTo: string[];
  authUser: string | null;
  /** TLS was in use (implicit or after STARTTLS). */
  secure: boolean;
}

export interface SmtpSinkOptions {
  /** Certificate + key for STARTTLS (or implicit TLS with `implicitTls`); without it STARTTLS is not offered. */
  tls?: { cert: string; key: string };
  implicitTls?: boolean;
  /** Require this login; without it authentication is optional. */
  auth?: { user: string; pass: string };
  /** Reject every RCPT with this SMTP reply code (e.g. 550, 451). */
  rejectRecipientsWith?: number;
}

const MAX_MESSAGE_BYTES = 1_000_000;

export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private boundPort = 0;

  constructor(private readonly opts: SmtpSinkOptions = {}) {}

  get port(): number {
    return this.boundPort;
  }

  /** Listens on 127.0.0.1, on the previous port after a stop (port 0 the first time). */
  async start(): Promise<number> {
    if (this.server) return this.boundPort;
    const server = new SMTPServer(this.options());
    server.on("error", () => {});
    await new Promise<void>((resolve, reject) => {
      const net = server.listen(this.boundPort, "127.0.0.1", () => resolve());
      net.once("error", reject);
    });
    this.boundPort = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this.boundPort;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits (bounded) until `count` messages arrived. */
  async waitFor(count: number, timeoutMs = 5000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return this.messages;
  }

  private options(): SMTPServerOptions {
    const { tls, auth, implicitTls, rejectRecipientsWith } = this.opts;
    return {
      secure: Boolean(implicitTls && tls),
      ...(tls ? { key: tls.key, cert: tls.cert } : { disabledCommands: ["STARTTLS"] }),
      authOptional: !auth,
      allowInsecureAuth: !tls,
      closeTimeout: 1000,
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onAuth: (a, _session, cb) => {
        if (auth && a.username === auth.user && a.password === auth.pass)
          return cb(null, { user: a.username });
        const err = Object.assign(new Error("Authentication failed"), { responseCode: 535 });
        return cb(err);
      },
      onRcptTo: (_addr, _session, cb) => {
        if (!rejectRecipientsWith) return cb();
        return cb(Object.assign(new Error("Recipient refused"), { responseCode: rejectRecipientsWith }));
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on("data", (c: Buffer) => {
          size += c.length;
          if (size <= MAX_MESSAGE_BYTES) chunks.push(c);
        });
        stream.on("end", () => {
          this.messages.push({
            ...parseMail(Buffer.concat(chunks).toString("utf8")),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            authUser: typeof session.user === "string" ? session.user : null,
            secure: session.secure,
          });
          cb();
        });
      },
    };
  }
}

// A small MIME reader, enough for what nodemailer sends (multipart/alternative, QP/base64 parts,
// encoded-word subjects). Tests only: it trusts its input to be well-formed mail.
export interface ParsedMail {
  raw: string;
  /** Lower-case names, unfolded, encoded words decoded; the first occurrence wins. */
  headers: Record<string, string>;
  subject: string;
  text: string | null;
  html: string | null;
}

function splitHead(raw: string): [string, string] {
  const i = raw.search(/\r?\n\r?\n/);
  if (i < 0) return [raw, ""];
  const sep = raw.slice(i).match(/^\r?\n\r?\n/)![0];
  return [raw.slice(0, i), raw.slice(i + sep.length)];
}

function decodeWords(s: string): string {
  return s.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*(?==\?)?/g, (_m, _cs, enc: string, data: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeQp(data.replace(/_/g, " ")),
  );
}

function parseHeaders(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    if (!(name in out)) out[name] = decodeWords(line.slice(i + 1).trim());
  }
  return out;
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? "7bit").toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable") return decodeQp(body);
  return body;
}

function walk(headers: Record<string, string>, body: string, out: ParsedMail, depth: number): void {
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary && depth < 5) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith("--")) break;
      const [h, b] = splitHead(part.replace(/^\r?\n/, ""));
      walk(parseHeaders(h), b.replace(/\r?\n$/, ""), out, depth + 1);
    }
    return;
  }
  const decoded = decodeBody(body, headers["content-transfer-encoding"]);
  if (/^text\/html/i.test(type)) out.html ??= decoded;
  else if (/^text\/plain/i.test(type)) out.text ??= decoded;
}

export function parseMail(raw: string): ParsedMail {
  const [head, body] = splitHead(raw);
  const headers = parseHeaders(head);
  const out: ParsedMail = { raw, headers, subject: headers.subject ?? "", text: null, html: null };
  walk(headers, body, out, 0);
  return out;
}
