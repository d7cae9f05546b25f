// Why a path is not trusted, in words an operator can act on. Structural problems (no path to a trusted
// root) come first, then CA constraints, then validity dates from the leaf upwards.
import { nameString, type ParsedCertificate } from "@/lib/x509/certificate-facts";
import type { BuiltPath, PathProblem } from "@/lib/x509/path-builder";

export type TrustErrorCode = PathProblem | "INVALID_CA" | "EXPIRED" | "NOT_YET_VALID";

export interface TrustProblem {
  code: TrustErrorCode;
  message: string;
  /** Subject of the certificate the problem is about. */
  subject: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function structural(problem: PathProblem, last: ParsedCertificate): TrustProblem {
  const subject = nameString(last.asn.tbsCertificate.subject);
  const issuer = nameString(last.asn.tbsCertificate.issuer);
  const messages: Record<PathProblem, string> = {
    SELF_SIGNED: `The certificate (${subject}) is self-signed and not trusted: use one from a public CA, or add it to this endpoint's private CA bundle`,
    UNTRUSTED_ROOT: `The chain ends at the root ${subject}, which is not a trusted root: add it to the private CA bundle if it is your own CA`,
    UNKNOWN_ISSUER: `The issuer ${issuer} is unknown: the server does not send it and it is not a trusted root`,
    INCOMPLETE_CHAIN: `The server does not send the intermediate certificate ${issuer}: configure the full chain (leaf + intermediates), as many clients cannot fetch it`,
    BAD_SIGNATURE: `The signature on ${subject} does not verify with the key of its issuer ${issuer}`,
  };
  return { code: problem, message: messages[problem], subject };
}

export function trustProblems(path: BuiltPath, parsed: ParsedCertificate[], now: Date): TrustProblem[] {
  const out: TrustProblem[] = [];
  if (path.problem) out.push(structural(path.problem, parsed.at(-1)!));
  parsed.forEach((p, i) => {
    const subject = nameString(p.asn.tbsCertificate.subject);
    if (i > 0 && !p.node.ca) {
      out.push({
        code: "INVALID_CA",
        message: `${subject} issued a certificate in this chain but is not a CA`,
        subject,
      });
    }
  });
  parsed.forEach((p, i) => {
    const { notBefore, notAfter } = p.asn.tbsCertificate.validity;
    const subject = nameString(p.asn.tbsCertificate.subject);
    const what = i === 0 ? "The certificate" : `The chain certificate ${subject}`;
    if (notAfter.getTime() < now) {
      out.push({ code: "EXPIRED", message: `${what} expired on ${day(notAfter.getTime())}`, subject });
    } else if (notBefore.getTime() > now) {
      out.push({
        code: "NOT_YET_VALID",
        message: `${what} is not valid before ${day(notBefore.getTime())}`,
        subject,
      });
    }
  });
  return out;
}
