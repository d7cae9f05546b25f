import { NotifierError, scrubSecrets } from "./errors";

interface SmtpFailure {
  code?: string;
  message?: string;
  responseCode?: number;
  permanent?: boolean;
}

const NETWORK = new Set([
  "ECONNECTION",
  "ESOCKET",
  "ETIMEDOUT",
  "EDNS",
  "EABORT",
  "ECONNREFUSED",
  "ECONNRESET",
]);

/** Maps a nodemailer failure onto the notifier error codes, with the password scrubbed from the text. */
export function smtpError(
  e: unknown,
  config: { host: string; port: number; user?: string; pass?: string },
  timeoutMs: number,
): NotifierError {
  const err = (e ?? {}) as SmtpFailure;
  const where = `SMTP server ${config.host}:${config.port}`;
  const auth = config.user ? `\u0000${config.user}\u0000${config.pass ?? ""}` : null;
  const reason = scrubSecrets((err.message ?? String(e)).slice(0, 300), [config.pass, auth]);
  const code = err.code ?? "";
  if (code === "EAUTH" || code === "ENOAUTH") {
    return new NotifierError(
      "NOTIFIER_REJECTED",
      `${where} refused the login: ${reason}`,
      "Check the SMTP user name and password (an app password for Gmail/Microsoft 365).",
      { retryable: false },
    );
  }
  if (code === "ETLS" || /STARTTLS|certificate|TLS/i.test(reason)) {
    return new NotifierError(
      "NOTIFIER_UNREACHABLE",
      `TLS with ${where} failed: ${reason}`,
      "Check port and 'secure' (465 = secure, 587 = STARTTLS); for a private CA paste its PEM into tlsCaPem.",
    );
  }
  if (NETWORK.has(code) || (code.startsWith("E") && !err.responseCode)) {
    const what = code === "ETIMEDOUT" || code === "EABORT" ? `no answer within ${timeoutMs} ms` : reason;
    return new NotifierError(
      "NOTIFIER_UNREACHABLE",
      `Could not reach ${where}: ${what}`,
      "Check host, port and firewall from the Certwatch worker; the delivery will be retried.",
    );
  }
  const transient = err.permanent === false || (err.responseCode !== undefined && err.responseCode < 500);
  return new NotifierError(
    "NOTIFIER_REJECTED",
    `${where} rejected the message: ${reason}`,
    transient
      ? "A temporary refusal (4xx): the delivery will be retried."
      : "Check the from/to addresses and the server's relay rules.",
    { retryable: transient },
  );
}
