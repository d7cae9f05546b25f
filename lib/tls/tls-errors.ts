// Turns node/OpenSSL connection and handshake failures into CertwatchErrors a person can act on.
// Pure: the caller supplies what it observed (phase, whether key material was derived, a sniffed banner).
import { CertwatchError } from "@/lib/errors";
import { type BannerKind, bannerHint } from "@/lib/net/banner";

export interface TlsErrorContext {
  host: string;
  port: number;
  /** Address we connected to, when it differs from host. */
  ip?: string | null;
  /** "connect" = TCP not yet established; "handshake" = TCP up, TLS in progress. */
  phase?: "connect" | "handshake";
  /** The handshake derived key material (TLS 1.2: after ServerHelloDone; 1.3: after ServerHello). */
  keysDerived?: boolean;
  /** What a plain TCP look at the port revealed, when the reply was not TLS. */
  banner?: BannerKind | null;
  timeoutMs?: number;
}

type Rule = {
  codes: readonly string[];
  code: string;
  message: (c: TlsErrorContext) => string;
  hint: (c: TlsErrorContext) => string | null;
};

const where = (c: TlsErrorContext) => `${c.host}:${c.port}${c.ip && c.ip !== c.host ? ` (${c.ip})` : ""}`;

const RULES: readonly Rule[] = [
  {
    codes: ["ENOTFOUND", "EAI_NONAME", "EAI_NODATA", "EAI_FAIL"],
    code: "DNS_NOT_FOUND",
    message: (c) => `${c.host} does not resolve: no A or AAAA record`,
    hint: () =>
      "Check the spelling, and that the name has an A or AAAA record in public DNS (dig +short NAME).",
  },
  {
    codes: ["EAI_AGAIN"],
    code: "DNS_NOT_FOUND",
    message: (c) => `DNS lookup for ${c.host} failed temporarily`,
    hint: () =>
      "The resolver timed out or is unreachable (EAI_AGAIN). Usually transient: retry, and check this machine's resolver configuration.",
  },
  {
    codes: ["ECONNREFUSED"],
    code: "CONNECTION_REFUSED",
    message: (c) => `Connection to ${where(c)} refused`,
    hint: (c) =>
      `Nothing listens on port ${c.port} there, or a firewall answers with a reset. Check the port (HTTPS is usually 443).`,
  },
  {
    codes: ["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL"],
    code: "HOST_UNREACHABLE",
    message: (c) => `${where(c)} is unreachable from here`,
    hint: (c) =>
      c.ip?.includes(":")
        ? "No route to this IPv6 address: this machine may lack IPv6 connectivity. Scan the IPv4 address instead."
        : "No route to the host: check the address, VPN/routing, and that the host is up.",
  },
  {
    codes: ["ETIMEDOUT", "CERTWATCH_TIMEOUT"],
    code: "TIMEOUT",
    message: (c) =>
      `${c.phase === "connect" ? "TCP connection to" : "TLS handshake with"} ${where(c)} timed out` +
      (c.timeoutMs ? ` after ${c.timeoutMs} ms` : ""),
    hint: (c) =>
      c.phase === "connect"
        ? "No answer to the TCP connect: a firewall probably drops the packets, or the host is down."
        : "The port accepted TCP but never answered our ClientHello: it may speak another protocol that waits for the client, or TLS is only offered after STARTTLS.",
  },
  {
    codes: ["ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_SSL_UNEXPECTED_EOF_WHILE_READING"],
    code: "CONNECTION_RESET",
    message: (c) => `${where(c)} closed the connection during the TLS handshake`,
    hint: () =>
      "The server hung up on our ClientHello: it may reject this SNI name, only speak TLS after STARTTLS, or sit behind a filter that drops unknown clients.",
  },
];

const NOT_TLS_CODES = new Set([
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_SSL_PACKET_LENGTH_TOO_LONG",
  "ERR_SSL_RECORD_LAYER_FAILURE",
  "ERR_SSL_UNKNOWN_PROTOCOL",
  "ERR_SSL_HTTP_REQUEST",
  "ERR_SSL_HTTPS_PROXY_REQUEST",
]);

/** Codes that say the peer's reply was not a TLS record; the caller may then sniff the port. */
export function looksLikeNotTls(err: unknown): boolean {
  return NOT_TLS_CODES.has(codeOf(err));
}

const PROTOCOL_HINTS: Record<string, string> = {
  ERR_SSL_UNSUPPORTED_PROTOCOL:
    "The server chose a protocol version we did not offer, most likely SSLv3 or SSLv2. Disable them and enable TLS 1.2 and 1.3.",
  ERR_SSL_EXCESSIVE_MESSAGE_SIZE:
    "The certificate chain (or another handshake message) is larger than 100 KB: the server sends far too many or far too large certificates.",
  ERR_SSL_UNSAFE_LEGACY_RENEGOTIATION_DISABLED:
    "The server does not support secure renegotiation (RFC 5746); modern clients refuse it. Upgrade the TLS library.",
  ERR_SSL_DH_KEY_TOO_SMALL:
    "The server's Diffie-Hellman group is too small. Use 2048-bit DH or, better, ECDHE.",
  ERR_SSL_LEGACY_SIGALG_DISALLOWED_OR_UNSUPPORTED:
    "The server signed the handshake with a legacy algorithm (SHA-1/MD5). Enable TLS 1.2+ with SHA-256 signatures.",
  ERR_SSL_BAD_SIGNATURE:
    "The server's handshake signature does not verify: its private key may not match the certificate.",
};

export function codeOf(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  return "";
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** "…:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:…" → "sslv3 alert handshake failure". */
export function opensslReason(message: string): string | null {
  const m = /SSL routines:[^:]*:([^:]+):/.exec(message);
  return m?.[1]?.trim() ?? null;
}

export function classifyTlsError(err: unknown, ctx: TlsErrorContext): CertwatchError {
  if (err instanceof CertwatchError) return err;
  const code = codeOf(err);
  const rule = RULES.find((r) => r.codes.includes(code));
  if (rule) return new CertwatchError(rule.code, rule.message(ctx), rule.hint(ctx), { cause: err });
  if (NOT_TLS_CODES.has(code) && ctx.banner !== "tls") return notTls(err, ctx);
  const alert = alertOf(code, messageOf(err));
  if (alert) return alertError(alert, err, ctx);
  if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_")) {
    const reason =
      opensslReason(messageOf(err)) ??
      code
        .replace(/^ERR_(SSL|TLS)_/, "")
        .toLowerCase()
        .replace(/_/g, " ");
    return new CertwatchError(
      "PROTOCOL_ERROR",
      `TLS handshake with ${where(ctx)} failed: ${reason}`,
      PROTOCOL_HINTS[code] ?? null,
      { cause: err },
    );
  }
  return new CertwatchError("TLS_ERROR", `TLS connection to ${where(ctx)} failed: ${messageOf(err)}`, null, {
    cause: err,
  });
}

function notTls(err: unknown, ctx: TlsErrorContext): CertwatchError {
  const kind = ctx.banner ?? "unknown";
  const what = kind === "unknown" ? "something that is not TLS" : BANNER_NAMES[kind];
  return new CertwatchError(
    "NOT_TLS",
    `${where(ctx)} answered with ${what}, not TLS`,
    bannerHint(kind, ctx.port),
    { cause: err },
  );
}

const BANNER_NAMES: Record<BannerKind, string> = {
  http: "plain HTTP",
  ssh: "an SSH banner",
  smtp: "an SMTP greeting",
  ftp: "an FTP greeting",
  imap: "an IMAP greeting",
  pop3: "a POP3 greeting",
  tls: "TLS",
  unknown: "unrecognised bytes",
};

// TLS alert descriptions (RFC 8446 §6, RFC 5246 §7.2) and what each usually means for a server operator.
const ALERTS: Record<number, [name: string, hint: string | null]> = {
  10: ["unexpected_message", "The server saw a message it did not expect: an old or buggy TLS stack."],
  20: ["bad_record_mac", "A record failed integrity checks: a broken middlebox or TLS stack on the path."],
  22: ["record_overflow", null],
  40: [
    "handshake_failure",
    "No protocol/cipher in common: the server may only offer SSLv3, export/RC4/3DES suites or a curve we do not offer. The cipher enumeration shows what it accepts.",
  ],
  42: ["bad_certificate", null],
  43: ["unsupported_certificate", null],
  44: ["certificate_revoked", null],
  45: ["certificate_expired", null],
  46: ["certificate_unknown", null],
  47: [
    "illegal_parameter",
    "The server rejected a field of our ClientHello: an old stack intolerant of TLS 1.3 extensions, or a middlebox rewriting the handshake.",
  ],
  48: [
    "unknown_ca",
    "The server did not trust a certificate we sent (we send none): mutual TLS is probably in use.",
  ],
  49: [
    "access_denied",
    "The server refused us by policy: an IP allow-list or a client-certificate requirement.",
  ],
  50: ["decode_error", "The server could not parse our ClientHello: an old TLS stack or a middlebox."],
  51: ["decrypt_error", null],
  70: [
    "protocol_version",
    "The server refused every TLS version we offer (TLS 1.0–1.3): it may only speak SSLv3 or SSLv2, which must be disabled.",
  ],
  71: ["insufficient_security", "The server demands stronger ciphers than we offered."],
  80: [
    "internal_error",
    "The server failed internally: often no certificate configured for this SNI name, or a key/certificate mismatch.",
  ],
  86: ["inappropriate_fallback", null],
  90: ["user_canceled", null],
  109: ["missing_extension", "The server requires a ClientHello extension we did not send."],
  110: ["unsupported_extension", null],
  112: [
    "unrecognized_name",
    "The server does not know this SNI name: check the hostname, or that the virtual host is configured for it.",
  ],
  113: ["bad_certificate_status_response", null],
  115: ["unknown_psk_identity", null],
  116: ["certificate_required", null],
  120: [
    "no_application_protocol",
    "The server supports none of the ALPN protocols we offered (h2, http/1.1).",
  ],
};

const ALERT_BY_NAME = new Map(Object.entries(ALERTS).map(([n, [name]]) => [name, Number(n)]));

/** The alert number from a node error: its code (ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE) or "SSL alert number 40". */
export function alertOf(code: string, message: string): number | null {
  const byNumber = /SSL alert number (\d+)/.exec(message);
  if (byNumber) return Number(byNumber[1]);
  const byCode = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_(?:ALERT_)?([A-Z_]+)$/.exec(code);
  return byCode ? (ALERT_BY_NAME.get(byCode[1]!.toLowerCase()) ?? null) : null;
}

export function alertDescription(alert: number): string {
  return ALERTS[alert]?.[0] ?? `alert ${alert}`;
}

// A handshake_failure/bad_certificate after the keys were derived (TLS 1.2: after ServerHelloDone) is the
// server rejecting our empty client certificate, not a missing cipher.
const CLIENT_CERT_ALERTS = new Set([40, 42, 46, 48]);

function alertError(alert: number, err: unknown, ctx: TlsErrorContext): CertwatchError {
  const name = alertDescription(alert);
  if (alert === 116 || (ctx.keysDerived && CLIENT_CERT_ALERTS.has(alert))) {
    return new CertwatchError(
      "CLIENT_CERT_REQUIRED",
      `${where(ctx)} requires a client certificate (alert ${name})`,
      "This endpoint uses mutual TLS. Its server certificate can still be monitored; the grade cannot be computed without a client certificate.",
      { cause: err },
    );
  }
  return new CertwatchError(
    "HANDSHAKE_ALERT",
    `${where(ctx)} aborted the handshake with alert ${name}`,
    ALERTS[alert]?.[1] ?? null,
    { cause: err },
  );
}
