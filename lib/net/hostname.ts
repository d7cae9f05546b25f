// What a user types as "host" becomes one canonical ASCII name or IP literal, or a message saying what to fix.
import { isIP, isIPv6 } from "node:net";
import { domainToASCII } from "node:url";
import { CertwatchError } from "@/lib/errors";

const MAX_INPUT = 1024;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function invalid(message: string, hint: string | null = null): CertwatchError {
  return new CertwatchError("INVALID_HOSTNAME", message, hint);
}

/**
 * Normalise a hostname: trims, lowercases, converts IDN to punycode, strips one trailing dot, validates labels
 * (1–63 of a-z, 0-9, hyphen; ≤ 253 in total) and canonicalises IPv4/IPv6 literals ("[::1]" → "::1").
 * Numeric IPv4 spellings ("0x7f.1") are read as browsers read them. Throws INVALID_HOSTNAME.
 */
export function normaliseHostname(input: string): string {
  const raw = input.trim();
  if (!raw) throw invalid("Enter a hostname, e.g. example.com");
  if (raw.length > MAX_INPUT) throw invalid("That hostname is far too long (the limit is 253 characters)");
  rejectUrlParts(raw);
  const literal = ipLiteral(raw);
  if (literal) return literal;
  if (raw.includes("*")) {
    throw invalid(
      "A wildcard is not a host",
      "Enter one concrete name, e.g. www.example.com; CT watching covers wildcards.",
    );
  }
  if (/^[\d.]+$/.test(raw)) throw invalid(`"${shorten(raw)}" looks like a malformed IP address`);
  const ascii = domainToASCII(raw.replace(/\.$/, "")).toLowerCase();
  if (!ascii)
    throw invalid(`"${shorten(raw)}" is not a valid hostname`, "Use letters, digits, hyphens and dots only.");
  if (isIP(ascii)) return ascii;
  validateLabels(ascii);
  return ascii;
}

function rejectUrlParts(raw: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw);
  if (scheme) {
    const host = raw.slice(scheme[0].length).split(/[/?#]/)[0] ?? "";
    throw invalid(
      `Enter just the hostname, without "${scheme[1]}://"`,
      host ? `Try "${shorten(host.replace(/^.*@/, ""))}" and put any port in the Port field.` : null,
    );
  }
  if (/[/?#]/.test(raw))
    throw invalid("Enter just the hostname, without a path", `Try "${shorten(raw.split(/[/?#]/)[0]!)}".`);
  if (raw.includes("@"))
    throw invalid("A hostname cannot contain '@'", "Drop any user name before the host.");
  if (/\s/.test(raw)) throw invalid("A hostname cannot contain spaces");
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d*)$/.exec(raw);
  if (withPort) {
    throw invalid(
      `Enter the port separately, not as "${shorten(raw)}"`,
      `Host "${withPort[1]}", port ${withPort[2] || "443"}.`,
    );
  }
}

function ipLiteral(raw: string): string | null {
  const unbracketed = raw.startsWith("[") && raw.endsWith("]") ? raw.slice(1, -1) : raw;
  if (unbracketed.includes("%")) throw invalid("IPv6 zone identifiers (%eth0) are not supported");
  if (isIPv6(unbracketed)) return new URL(`https://[${unbracketed}]/`).hostname.slice(1, -1);
  if (raw.startsWith("[")) throw invalid(`"${shorten(raw)}" is not a valid IPv6 address`);
  return isIP(unbracketed) === 4 ? unbracketed : null;
}

function validateLabels(ascii: string): void {
  if (ascii.length > 253) throw invalid(`That hostname is ${ascii.length} characters long; the limit is 253`);
  const labels = ascii.split(".");
  for (const label of labels) {
    if (!label) throw invalid(`"${shorten(ascii)}" has an empty label (two dots in a row?)`);
    if (label.length > 63) throw invalid(`The label "${shorten(label)}" is longer than 63 characters`);
    if (!LABEL.test(label)) {
      throw invalid(
        `The label "${shorten(label)}" is not valid in a hostname`,
        "Labels use a-z, 0-9 and hyphens, and do not start or end with a hyphen.",
      );
    }
  }
  if (/^\d+$/.test(labels.at(-1)!)) throw invalid(`"${shorten(ascii)}" looks like a malformed IP address`);
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
