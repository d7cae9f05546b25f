import { CertwatchError } from "@/lib/errors";

function preview(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 16));
  const printable = head.toString("latin1").replace(/[^\x20-\x7e]/g, ".");
  return `${head.toString("hex").replace(/(..)/g, "$1 ").trim()} ("${printable}")`;
}

/** A NOT_TLS error whose hint names what the port seems to speak instead. */
export function notTlsError(bytes: Uint8Array): CertwatchError {
  const text = Buffer.from(bytes.subarray(0, 64)).toString("latin1");
  const msg = (what: string) => `The server answered the TLS ClientHello with ${what}, not TLS.`;
  if (/^HTTP\/\d/.test(text) || /^<(!doctype|html)/i.test(text)) {
    return new CertwatchError(
      "NOT_TLS",
      msg("plain HTTP"),
      "This port answers plain HTTP — did you mean 443?",
    );
  }
  if (text.startsWith("SSH-")) {
    return new CertwatchError(
      "NOT_TLS",
      msg("an SSH banner"),
      "This is an SSH server; TLS is not spoken on this port.",
    );
  }
  if (/^220[ -]/.test(text)) {
    return new CertwatchError(
      "NOT_TLS",
      msg(`a plain-text greeting (${text.split("\r")[0]})`),
      "This looks like SMTP or FTP: use STARTTLS on this port, or the implicit-TLS port (465 for SMTP, 990 for FTP).",
    );
  }
  if (text.startsWith("+OK") || text.startsWith("* OK")) {
    return new CertwatchError(
      "NOT_TLS",
      msg("a POP3/IMAP greeting"),
      "Use STARTTLS on this port, or the implicit-TLS port (995 for POP3, 993 for IMAP).",
    );
  }
  return new CertwatchError(
    "NOT_TLS",
    `The server answered with bytes that are not TLS: ${preview(bytes)}.`,
    "Check the port: something other than a TLS server (or a TLS-intercepting middlebox) is listening.",
  );
}
