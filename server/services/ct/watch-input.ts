import { parseWatchItem } from "@/lib/ct";
import { isCertwatchError } from "@/lib/errors";
import { ValidationError } from "@/server/errors";

/** `.example.com` or `example.com`, normalised (lower-case, punycode); "." is refused in the product. */
export function normaliseWatchPattern(input: unknown): string {
  const text = typeof input === "string" ? input.trim() : "";
  if (text === "." || text === "") {
    throw new ValidationError({
      pattern: ['Give a domain: "example.com", or ".example.com" with its subdomains.'],
    });
  }
  try {
    const item = parseWatchItem(text);
    return `${item.acceptSuffix ? "." : ""}${item.domain}`;
  } catch (e) {
    throw new ValidationError({ pattern: [isCertwatchError(e) ? e.message : "Not a domain name."] });
  }
}

/** Allowed issuers: DN fragments, one per entry, trimmed, de-duplicated, at most 50 of 200 characters. */
export function normaliseIssuers(input: unknown): string[] {
  const list = Array.isArray(input) ? input : typeof input === "string" ? input.split("\n") : [];
  const out = [...new Set(list.map((v) => String(v).trim()).filter(Boolean))];
  if (out.length > 50 || out.some((v) => v.length > 200)) {
    throw new ValidationError({ allowedIssuers: ["At most 50 issuers of up to 200 characters each."] });
  }
  return out;
}
