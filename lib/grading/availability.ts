import { type Assessment, PROTOCOL_NAMES } from "@/lib/assessment/types";

/**
 * Why no grade can be given, or null when the facts are complete enough. A grade is never guessed:
 * every protocol must have been probed (a missing TLS 1.0 answer could hide a B), suites enumerated and
 * the certificate and chain read.
 */
export function unavailableReason(a: Assessment): string | null {
  const problem = missingFact(a);
  return problem ? `could not be fully assessed: ${problem}` : null;
}

function missingFact(a: Assessment): string | null {
  if (a.error) return `${a.error.message} (${a.error.code})`;
  const unknown = PROTOCOL_NAMES.filter((p) => a.protocols[p] === null || a.protocols[p] === undefined);
  if (unknown.length > 0) return `support for ${unknown.join(", ")} is unknown`;
  if (!PROTOCOL_NAMES.some((p) => a.protocols[p])) return "no SSL/TLS protocol version was accepted";
  if (a.cipherSuites.length === 0) return "the cipher suites could not be enumerated";
  if (!a.certificate) return "the server certificate could not be read";
  if (!a.chain) return "the certificate chain could not be validated";
  return null;
}
