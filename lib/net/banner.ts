// When a port answers a ClientHello with something that is not TLS, one plain TCP look tells us what it is,
// so the error can say "this is plain HTTP" instead of "wrong version number".
import net from "node:net";

export type BannerKind = "http" | "ssh" | "smtp" | "ftp" | "imap" | "pop3" | "tls" | "unknown";

const MAX_BANNER_BYTES = 512;

/** Classify the first bytes a server sent (its greeting, or its answer to an HTTP request). */
export function classifyBanner(bytes: Buffer): BannerKind {
  if (bytes.length === 0) return "unknown";
  // 0x16 handshake / 0x15 alert with major version 3: the reply was TLS after all.
  if ((bytes[0] === 0x15 || bytes[0] === 0x16) && bytes[1] === 0x03) return "tls";
  const text = bytes.subarray(0, MAX_BANNER_BYTES).toString("latin1");
  if (/^HTTP\/\d/.test(text) || /^\s*<(!doctype|html)/i.test(text)) return "http";
  if (text.startsWith("SSH-")) return "ssh";
  if (/^220[ -]/.test(text)) return /ftp/i.test(text) && !/smtp/i.test(text) ? "ftp" : "smtp";
  if (text.startsWith("* OK")) return "imap";
  if (text.startsWith("+OK")) return "pop3";
  return "unknown";
}

const HINTS: Record<BannerKind, (port: number) => string | null> = {
  http: (port) =>
    port === 80
      ? "Port 80 serves plain HTTP; HTTPS usually lives on 443."
      : `Port ${port} answers plain HTTP — did you mean 443? If TLS is terminated by a proxy in front, scan the proxy's port.`,
  ssh: () => "This is an SSH server, not TLS: check the port (SSH is usually 22, HTTPS 443).",
  smtp: (port) =>
    port === 465
      ? "Port 465 should speak TLS immediately (implicit TLS) but sends a plaintext SMTP greeting: check the mail server's TLS configuration."
      : "SMTP speaks TLS only after STARTTLS (ports 25/587): scan with STARTTLS, or use port 465 for implicit TLS.",
  ftp: () => "FTP upgrades with AUTH TLS on port 21; implicit FTPS uses port 990.",
  imap: () => "IMAP on 143 upgrades with STARTTLS; implicit TLS is port 993.",
  pop3: () => "POP3 on 110 upgrades with STLS; implicit TLS is port 995.",
  tls: () => null,
  unknown: () =>
    "The service on this port does not speak TLS. Check the port number, or whether TLS starts only after a STARTTLS-style upgrade.",
};

export function bannerHint(kind: BannerKind, port: number): string | null {
  return HINTS[kind](port);
}

/**
 * Connect over plain TCP, send a minimal HTTP request (banner-first protocols greet before reading it) and
 * classify the first bytes. Never throws; "unknown" when nothing useful arrived within timeoutMs.
 */
export function sniffBanner(opts: {
  ip: string;
  port: number;
  host: string;
  timeoutMs: number;
}): Promise<BannerKind> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    const socket = net.connect({ host: opts.ip, port: opts.port });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(classifyBanner(received));
    };
    const timer = setTimeout(finish, Math.max(1, opts.timeoutMs));
    socket.on("connect", () =>
      socket.write(`HEAD / HTTP/1.0\r\nHost: ${opts.host.replace(/[^\x21-\x7e]/g, "")}\r\n\r\n`),
    );
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]).subarray(0, MAX_BANNER_BYTES);
      if (received.length >= 8) finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
  });
}
